/**
 * The vendor's JSON callback convention (reference §4.3, `CallBackFormat=JSON`): the same tree as
 * the XML body, but every leaf is a JSON string (`"Progress": "100"`), repeated elements are
 * arrays, empty elements are omitted, and there is no root wrapper. Both directions walk the
 * codec's schema model, so property order and leaf types come from the spec.
 */
import { convertLeaf } from './decode.ts';
import type { ModelNode, ObjectNode, SchemaModel } from './schema-model.ts';

/** A JSON value as the callback body carries it. */
export type CallbackJson = string | CallbackJson[] | { [key: string]: CallbackJson };

/** Renders a decoded value (e.g. a `TaskFinishCallbackJson`) in the vendor's JSON callback style. */
export function toCallbackJson(model: SchemaModel, value: unknown, schemaName: string): { [key: string]: CallbackJson } {
  const rendered = render(model.node(schemaName), value);
  return typeof rendered === 'object' && !Array.isArray(rendered) ? rendered : {};
}

/** Reads a callback JSON body back into typed values (integers, booleans) as the schema names them. */
export function fromCallbackJson(model: SchemaModel, json: unknown, schemaName: string): unknown {
  return coerce(model.node(schemaName), json);
}

function objectFor(node: ModelNode, value: unknown): ObjectNode | undefined {
  if (node.kind === 'object') return node;
  if (node.kind === 'leaf') return undefined;
  const tag = (value as Record<string, unknown> | null)?.[node.tag];
  return (typeof tag === 'string' ? node.branches.get(tag) : undefined) ?? node.merged;
}

function render(node: ModelNode, value: unknown): CallbackJson | undefined {
  if (value === undefined || value === null) return undefined;
  const object = objectFor(node, value);
  if (!object || typeof value !== 'object') {
    const text = String(value);
    return text === '' ? undefined : text;
  }
  const out: { [key: string]: CallbackJson } = {};
  for (const field of object.fields) {
    const child = (value as Record<string, unknown>)[field.prop];
    if (field.repeated && Array.isArray(child)) {
      const items = child.map((item) => render(field.node, item)).filter((item): item is CallbackJson => item !== undefined);
      if (items.length > 0) out[field.prop] = items;
    } else {
      const rendered = render(field.node, child);
      if (rendered !== undefined) out[field.prop] = rendered;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function coerce(node: ModelNode, json: unknown): unknown {
  if (json === undefined || json === null || json === '') return undefined;
  if (Array.isArray(json)) return json.map((item) => coerce(node, item)).filter((item) => item !== undefined);
  const object = objectFor(node, json);
  if (!object) return node.kind === 'leaf' && typeof json === 'string' ? convertLeaf(node.type, json) : json;
  if (typeof json !== 'object') return json;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(json)) {
    const field = object.fields.find((f) => f.prop === key);
    if (!field) continue;
    const value = field.repeated && !Array.isArray(child) ? coerce(field.node, [child]) : coerce(field.node, child);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
