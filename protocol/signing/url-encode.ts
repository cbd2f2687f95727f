const utf8 = new TextEncoder();
const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/**
 * COS `UrlEncode` (reference §6.1): UTF-8 percent-encoding of every byte except
 * `A–Z a–z 0–9 - _ . ~`, upper-case hex. Stricter than `encodeURIComponent`, which leaves `!*'()`.
 */
export function cosUrlEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * Decodes `%XX` escapes as UTF-8 without turning `+` into a space (URL paths, reference §6.2).
 * A malformed escape sequence is kept literally instead of failing the whole request.
 */
export function decodePathLeniently(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
