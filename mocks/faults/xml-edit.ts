/**
 * Text-level edits of response XML, used by the HTTP fault layer: a faulty server writes wrong
 * XML, so the faults rewrite what the correct mock wrote rather than reaching into its internals.
 */

const DETAIL = /<JobsDetail>[\s\S]*?<\/JobsDetail>/g;

/** Applies `edit` to every `<JobsDetail>` block (index given), keeping the rest of the document. */
export function editDetails(xml: string, edit: (detail: string, index: number) => string): string {
  let index = 0;
  return xml.replace(DETAIL, (detail) => edit(detail, index++));
}

/** The `<JobsDetail>` blocks of a document, and the document with them replaced by `blocks`. */
export function replaceDetails(xml: string, reorder: (blocks: string[]) => string[]): string {
  const blocks = xml.match(DETAIL) ?? [];
  const first = xml.search(DETAIL);
  if (first < 0) return xml;
  const lastBlock = blocks[blocks.length - 1] as string;
  const end = xml.lastIndexOf(lastBlock) + lastBlock.length;
  return xml.slice(0, first) + reorder(blocks).join('') + xml.slice(end);
}

/** The text of the first `<name>` element, or undefined. */
export function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** Replaces the text of every `<name>` element. */
export function setElement(xml: string, name: string, text: (old: string) => string): string {
  return xml.replace(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'), (_, old: string) => `<${name}>${text(old)}</${name}>`);
}

/** Removes every `<name>…</name>` element (with its children). */
export function dropElement(xml: string, name: string): string {
  return xml.replace(new RegExp(`<${name}>[\\s\\S]*?</${name}>|<${name}/>`, 'g'), '');
}

/** Changes the last hex digit of a digest (a wrong digest of the same length and alphabet). */
export function wrongDigest(hex: string): string {
  const last = hex.slice(-1);
  return hex.slice(0, -1) + (last === '0' ? '1' : '0');
}
