/**
 * Valid submit requests of each tag and what the spec says about their elements — required paths
 * and enum-typed leaves, read from the bundled spec (`generated/cos-ci.bundled.json`) — so the
 * negative rules derive their invalid inputs from the contract rather than from a hand list.
 */
import spec from '../../generated/cos-ci.bundled.json' with { type: 'json' };
import { cosCiCodec } from '../../protocol/codec.ts';
import { parseXml, type XmlElement } from '../../protocol/xml-tree.ts';
import type { SubmitJobRequest } from '../support/jobs.ts';

/** A JSON-Schema fragment as the bundle has it. */
interface Schema { $ref?: string; allOf?: Schema[]; type?: string; required?: string[]; properties?: Record<string, Schema>; items?: Schema; enum?: string[] }

const schemas = (spec as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas;

function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop() as string] as Schema);
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map(resolve);
  return {
    type: 'object',
    required: [...new Set(parts.flatMap((part) => part.required ?? []))],
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
  };
}

/** An element path inside `<Request>`, e.g. `['Operation', 'FileHashCodeConfig', 'Type']`. */
export type ElementPath = readonly string[];

/** Walks a request schema: paths of required elements (whose parents are present in `value`) and enum leaves. */
function walk(schema: Schema, value: unknown, path: string[], out: { required: ElementPath[]; enums: Array<{ path: ElementPath; values: string[] }> }): void {
  const resolved = resolve(schema);
  if (resolved.enum) out.enums.push({ path, values: resolved.enum });
  if (!resolved.properties || typeof value !== 'object' || value === null) return;
  for (const [name, child] of Object.entries(resolved.properties)) {
    const present = (value as Record<string, unknown>)[name];
    if (resolved.required?.includes(name)) out.required.push([...path, name]);
    if (present !== undefined) walk(child.items && Array.isArray(present) ? child.items : child, Array.isArray(present) ? present[0] : present, [...path, name], out);
  }
}

const requestSchema: Record<string, string> = { FileHashCode: 'FileHashCodeJobRequest', FileCompress: 'FileCompressJobRequest', FileUncompress: 'FileUncompressJobRequest' };

/** Required element paths and enum leaves of `request` as its Tag's schema defines them. */
export function elementsOf(request: SubmitJobRequest): { required: ElementPath[]; enums: Array<{ path: ElementPath; values: string[] }> } {
  const out = { required: [] as ElementPath[], enums: [] as Array<{ path: ElementPath; values: string[] }> };
  walk({ $ref: `#/components/schemas/${requestSchema[String(request.Tag)]}` }, request, [], out);
  return out;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const serialize = (element: XmlElement): string =>
  `<${element.name}>${element.children.length > 0 ? element.children.map(serialize).join('') : escape(element.text)}</${element.name}>`;

/**
 * The XML body of `request` with the element at `path` given the text `replacement`, or removed
 * when it is `undefined`. Works on the wire text because the codec refuses to encode invalid values.
 */
export function xmlWithElement(request: SubmitJobRequest, path: ElementPath, replacement: string | undefined): string {
  const root = parseXml(cosCiCodec.encode(request, 'SubmitJobRequest'));
  let parent = root;
  for (const name of path.slice(0, -1)) {
    const child = parent.children.find((element) => element.name === name);
    if (!child) throw new Error(`[fileproc] no <${name}> on the path ${path.join('/')} of the request`);
    parent = child;
  }
  const last = path[path.length - 1] as string;
  const index = parent.children.findIndex((element) => element.name === last);
  if (index < 0) throw new Error(`[fileproc] no <${last}> on the path ${path.join('/')} of the request`);
  if (replacement === undefined) parent.children.splice(index, 1);
  else parent.children[index] = { name: last, children: [], text: replacement };
  return serialize(root);
}

/** One valid request per tag over existing objects (`key` a plain file, `archive` a zip), writing under `prefix`. */
export function validRequests(key: string, archive: string, prefix: string, bucket: string, region: string): SubmitJobRequest[] {
  const output = { Region: region, Bucket: bucket };
  return [
    { Tag: 'FileHashCode', Input: { Object: key }, Operation: { FileHashCodeConfig: { Type: 'MD5', AddToHeader: false }, UserData: 'u' }, CallBackFormat: 'XML', CallBackType: 'Url' },
    { Tag: 'FileCompress', Operation: { FileCompressConfig: { Flatten: '0', Format: 'zip', Type: 'faster', Key: [key] }, Output: { ...output, Object: `${prefix}neg-out.zip` } } },
    { Tag: 'FileUncompress', Input: { Object: archive }, Operation: { FileUncompressConfig: { Prefix: `${prefix}neg-unz/`, PrefixReplaced: '0', Mode: '0' }, Output: output } },
  ] as unknown as SubmitJobRequest[];
}
