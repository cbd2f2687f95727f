/**
 * Value → XML text, compiled once per (model node, element name) into string-building closures:
 * schema property order, no per-request schema walking. Empty strings and empty containers are
 * written as `<Name/>` (the vendor's own `<Message/>` style); `undefined`/`null` are omitted.
 */
import type { LeafNode, ModelNode, ObjectNode, UnionNode } from './schema-model.ts';

/** Renders one element (open tag, content, close tag) for a value. */
export type ElementEncoder = (value: unknown) => string;

/** A character XML must escape, or one XML 1.0 cannot carry at all (C0 controls, lone surrogates, U+FFFE/F). */
const needsWorkGlobal = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
// Same set without the `u` flag (much faster in V8): surrogate pairs take the slow path, which is rare.
const mayNeedWork = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Escapes text for element content; throws for characters no XML 1.0 document can contain. */
export function escapeText(text: string): string {
  if (!mayNeedWork.test(text)) return text;
  return text.replace(needsWorkGlobal, (ch) => {
    const entity = entities[ch];
    if (entity !== undefined) return entity;
    const hex = ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    throw new TypeError(`[fileproc] text contains U+${hex}, which XML 1.0 cannot represent; remove or replace it before encoding`);
  });
}

type Cache = Map<ModelNode, Map<string, ElementEncoder>>;

/** Compiles (and caches) the encoder that writes `node` as an element called `element`. */
export function compileEncoder(node: ModelNode, element: string, cache: Cache = new Map()): ElementEncoder {
  let perNode = cache.get(node);
  if (!perNode) cache.set(node, (perNode = new Map()));
  const known = perNode.get(element);
  if (known) return known;
  let compiled: ElementEncoder | undefined;
  // Registered first so a recursive schema reuses this encoder instead of recursing at compile time.
  perNode.set(element, (value) => (compiled as ElementEncoder)(value));
  if (node.kind === 'leaf') compiled = leafEncoder(node, element);
  else if (node.kind === 'object') compiled = objectEncoder(node, element, cache);
  else compiled = unionEncoder(node, element, cache);
  perNode.set(element, compiled);
  return compiled;
}

function leafEncoder(node: LeafNode, element: string): ElementEncoder {
  const open = `<${element}>`;
  const close = `</${element}>`;
  const empty = `<${element}/>`;
  if (node.type === 'boolean') return (value) => (value === true ? `${open}true${close}` : value === false ? `${open}false${close}` : text(value));
  if (node.type !== 'string') return (value) => (typeof value === 'number' ? open + String(value) + close : text(value));
  return text;
  function text(value: unknown): string {
    const raw = typeof value === 'string' ? value : String(value);
    return raw === '' ? empty : open + escapeText(raw) + close;
  }
}

function objectEncoder(node: ObjectNode, element: string, cache: Cache): ElementEncoder {
  const open = `<${element}>`;
  const close = `</${element}>`;
  const empty = `<${element}/>`;
  const fields = node.fields.map((field) => ({ prop: field.prop, repeated: field.repeated, encode: compileEncoder(field.node, field.element, cache) }));
  return (value) => {
    if (typeof value !== 'object' || value === null) throw new TypeError(`[fileproc] cannot encode <${element}>: expected an object, got ${typeof value}`);
    const record = value as Record<string, unknown>;
    let body = '';
    for (const field of fields) {
      const child = record[field.prop];
      if (child === undefined || child === null) continue;
      if (!field.repeated) body += field.encode(child);
      else if (Array.isArray(child)) for (const item of child) body += field.encode(item);
      else body += field.encode(child);
    }
    return body === '' ? empty : open + body + close;
  };
}

function unionEncoder(node: UnionNode, element: string, cache: Cache): ElementEncoder {
  const branches = new Map([...node.branches].map(([tag, branch]) => [tag, compileEncoder(branch, element, cache)]));
  return (value) => {
    const tag = (value as Record<string, unknown> | null)?.[node.tag];
    const encode = typeof tag === 'string' ? branches.get(tag) : undefined;
    if (!encode) {
      throw new TypeError(`[fileproc] cannot encode <${element}>: ${node.tag} is ${JSON.stringify(tag)}, expected one of ${[...branches.keys()].join(', ')}`);
    }
    return encode(value);
  };
}
