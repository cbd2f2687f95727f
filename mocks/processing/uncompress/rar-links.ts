/**
 * Finds the link entries of a RAR archive, which node-unrar-js does not report: RAR5 file headers
 * with a redirection extra record (type 5), RAR4 file headers from Unix hosts with an S_IFLNK mode.
 * Encrypted RAR5 headers cannot be read without decrypting them; there none are reported.
 */
const decoder = new TextDecoder();

/** The member names (with `/` separators) that are links. */
export function rarLinkNames(data: Uint8Array): Set<string> {
  try {
    return data[6] === 0x01 ? rar5Links(data) : rar4Links(data);
  } catch {
    return new Set(); // a malformed header is the library's to report
  }
}

function rar5Links(data: Uint8Array): Set<string> {
  const links = new Set<string>();
  const at = { pos: 8 };
  const vint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = data[at.pos++];
      if (byte === undefined) throw new Error('truncated');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (at.pos + 4 < data.byteLength) {
    at.pos += 4; // header CRC32
    const size = vint();
    const end = at.pos + size;
    const type = vint();
    const flags = vint();
    const extraSize = flags & 0x0001 ? vint() : 0;
    const dataSize = flags & 0x0002 ? vint() : 0;
    if (type === 4 || type === 5) break; // encrypted headers follow, or the end of the archive
    if (type === 2 && extraSize > 0) {
      const fileFlags = vint();
      vint(); // unpacked size
      vint(); // attributes
      if (fileFlags & 0x0002) at.pos += 4;
      if (fileFlags & 0x0004) at.pos += 4;
      vint(); // compression
      vint(); // host OS
      const nameLength = vint();
      const name = decoder.decode(data.subarray(at.pos, at.pos + nameLength));
      for (let record = end - extraSize; record < end;) {
        at.pos = record;
        const recordSize = vint();
        const next = at.pos + recordSize;
        if (vint() === 5) links.add(name);
        record = next;
      }
    }
    at.pos = end + dataSize;
  }
  return links;
}

function rar4Links(data: Uint8Array): Set<string> {
  const links = new Set<string>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 7;
  while (pos + 7 <= data.byteLength) {
    const type = data[pos + 2];
    const flags = view.getUint16(pos + 3, true);
    const headSize = view.getUint16(pos + 5, true);
    const addSize = flags & 0x8000 ? view.getUint32(pos + 7, true) : 0;
    if (type === 0x7b || headSize < 7) break;
    if (type === 0x74) {
      const hostOs = data[pos + 15];
      const nameSize = view.getUint16(pos + 26, true);
      const mode = view.getUint32(pos + 28, true);
      const nameStart = pos + 32 + (flags & 0x0100 ? 8 : 0);
      const raw = data.subarray(nameStart, nameStart + nameSize);
      const nul = raw.indexOf(0); // Unicode names: "ascii\0encoded"; the ASCII part is the name
      if (hostOs === 3 && (mode & 0xf000) === 0xa000) links.add(decoder.decode(nul >= 0 ? raw.subarray(0, nul) : raw).replace(/\\/g, '/'));
    }
    pos += headSize + addSize;
  }
  return links;
}
