/**
 * XML text → a minimal element tree, with saxes (a conforming, non-validating parser that needs no
 * Node built-ins, so it bundles for browsers). DTDs are refused outright: a `<!DOCTYPE` (and with
 * it any `<!ENTITY`) is malformed input here, so entity expansion can never happen. The five
 * predefined entities and numeric character references are decoded by saxes itself.
 */
import { SaxesParser } from 'saxes';

/** One element: its name, child elements, and its character data (text + CDATA, concatenated). */
export interface XmlElement { name: string; children: XmlElement[]; text: string }

/** The input is not well-formed XML, or uses a construct this API refuses (maps to 400 MalformedXML). */
export class MalformedXmlError extends Error {
  override readonly name = 'MalformedXmlError';
  /** The §5.3 error code this failure is reported with. */
  readonly code = 'MalformedXML' as const;
  /** What is wrong, without the `[fileproc]` prefix (suitable as the wire `Message`). */
  readonly detail: string;

  constructor(detail: string) {
    super(`[fileproc] ${detail}`);
    this.detail = detail;
  }
}

/** Parses one XML document into its root element; throws `MalformedXmlError` on any defect. */
export function parseXml(xml: string): XmlElement {
  const input = xml.charCodeAt(0) === 0xfeff ? xml.slice(1).trim() : xml.trim();
  const parser = new SaxesParser({ position: true });
  const top: XmlElement = { name: '', children: [], text: '' };
  const stack: XmlElement[] = [top];
  let current = top;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, children: [], text: '' };
    current.children.push(element);
    stack.push(element);
    current = element;
  });
  parser.on('closetag', () => {
    stack.pop();
    current = stack[stack.length - 1] ?? top;
  });
  parser.on('text', (text) => { current.text += text; });
  parser.on('cdata', (text) => { current.text += text; });
  parser.on('doctype', () => {
    throw new MalformedXmlError('XML with a DOCTYPE (DTD or entity declarations) is not accepted; send the plain document');
  });
  try {
    parser.write(input).close();
  } catch (error) {
    if (error instanceof MalformedXmlError) throw error;
    throw new MalformedXmlError(`the XML is not well-formed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = top.children[0];
  if (!root) throw new MalformedXmlError('the XML body has no root element');
  return root;
}
