/**
 * Element tree → plain value, compiled once per model node into closures. Rules (ARCHITECTURE
 * "XML knowledge lives in one place", reference §2.1): repeated elements become arrays even when
 * one occurs; leaves convert as the schema says, and a leaf that does not convert stays the raw
 * string so validation can name it; empty elements are absent; order is free; unknown elements
 * are ignored; a non-repeated element given twice is malformed.
 */
import type { LeafNode, ModelNode, ObjectNode, UnionNode } from './schema-model.ts';
import { MalformedXmlError, type XmlElement } from './xml-tree.ts';

/** Decodes one element; `path` is the dotted element path used in error messages. */
export type ElementDecoder = (element: XmlElement, path: string) => unknown;

/** Compiles (and caches per node) the decoder of a model node. */
export function compileDecoder(node: ModelNode, cache = new Map<ModelNode, ElementDecoder>()): ElementDecoder {
  const known = cache.get(node);
  if (known) return known;
  let compiled: ElementDecoder | undefined;
  // Registered before compiling children so recursive schemas resolve to the same closure.
  const lazy: ElementDecoder = (element, path) => (compiled ?? lazy)(element, path);
  cache.set(node, lazy);
  if (node.kind === 'leaf') compiled = leafDecoder(node);
  else if (node.kind === 'object') compiled = objectDecoder(node, cache);
  else compiled = unionDecoder(node, cache);
  cache.set(node, compiled);
  return compiled;
}

const integerText = /^\s*[+-]?\d+\s*$/;
const numberText = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function leafDecoder(node: LeafNode): ElementDecoder {
  const convert = converters[node.type];
  return (element) => {
    // A leaf holding elements is kept as an (empty) object so validation reports a type error.
    if (element.children.length > 0) return {};
    return element.text === '' ? undefined : convert(element.text);
  };
}

/** Converts leaf text to the schema's type; text that does not convert is returned unchanged. */
export function convertLeaf(type: LeafNode['type'], text: string): unknown {
  return converters[type](text);
}

const converters: Record<LeafNode['type'], (text: string) => unknown> = {
  string: (text) => text,
  integer: (text) => {
    if (!integerText.test(text)) return text;
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : text;
  },
  number: (text) => (numberText.test(text) ? Number(text) : text),
  boolean: (text) => {
    const trimmed = text.trim();
    return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
  },
};

function objectDecoder(node: ObjectNode, cache: Map<ModelNode, ElementDecoder>): ElementDecoder {
  const byElement = new Map(node.fields.map((field) => [field.element, { field, decode: compileDecoder(field.node, cache) }]));
  return (element, path) => {
    if (element.children.length === 0) return element.text.trim() === '' ? undefined : element.text;
    const out: Record<string, unknown> = {};
    let empty = true;
    for (const child of element.children) {
      const entry = byElement.get(child.name);
      if (!entry) continue;
      const childPath = `${path}.${child.name}`;
      const value = entry.decode(child, childPath);
      if (value === undefined) continue;
      const { prop, repeated } = entry.field;
      if (repeated) {
        const list = out[prop] as unknown[] | undefined;
        if (list) list.push(value);
        else out[prop] = [value];
      } else if (prop in out) {
        throw new MalformedXmlError(`element ${childPath} occurs more than once; the schema allows one`);
      } else {
        out[prop] = value;
      }
      empty = false;
    }
    return empty ? undefined : out;
  };
}

function unionDecoder(node: UnionNode, cache: Map<ModelNode, ElementDecoder>): ElementDecoder {
  const branches = new Map([...node.branches].map(([tag, branch]) => [tag, compileDecoder(branch, cache)]));
  const fallback = compileDecoder(node.merged, cache);
  return (element, path) => {
    const tagElement = element.children.find((child) => child.name === node.tag);
    const decode = (tagElement && branches.get(tagElement.text)) ?? fallback;
    return decode(element, path);
  };
}
