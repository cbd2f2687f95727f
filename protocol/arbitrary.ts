/**
 * fast-check arbitraries derived from the bundled spec (via the codec's schema model): valid values
 * of any component schema — strings honour enum/const/pattern/length, integers their range, arrays
 * their item limits, `oneOf` picks a branch by its discriminator, optional elements are sometimes
 * absent. Strings are never empty (empty means absent on the wire) and only use characters XML 1.0
 * can carry. Browser-safe; the conformance suite reuses it.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { Codec } from './codec.ts';
import type { Field, LeafNode, ModelNode, ObjectNode, SchemaModel } from './schema-model.ts';

/** Tuning knobs; defaults keep values small enough for hundreds of runs per schema. */
export interface ArbitraryOptions { maxArrayLength?: number; maxStringLength?: number; maxDepth?: number }

/** Characters that stress escaping and encoding, mixed into free-text strings. */
const tricky = ['&', '<', '>', '"', "'", ']]>', '\r', '\n', '\t', ' ', 'é', '中', '😀', '&amp;'];
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const textUnit = fc.oneof({ weight: 5, arbitrary: printable }, { weight: 1, arbitrary: fc.constantFrom(...tricky) });
const xmlInvalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** Non-empty text that XML 1.0 can represent, with escaping-sensitive characters mixed in. */
export function xmlText(maxLength = 16, minLength = 1): Arbitrary<string> {
  return fc.string({ unit: textUnit, minLength, maxLength }).filter((s) => s.length <= maxLength);
}

/** An arbitrary for valid values of the component `schemaName`. */
export function arbitraryFor(model: SchemaModel, schemaName: string, options: ArbitraryOptions = {}): Arbitrary<unknown> {
  const limits = { maxArrayLength: options.maxArrayLength ?? 3, maxStringLength: options.maxStringLength ?? 16, maxDepth: options.maxDepth ?? 12 };
  return nodeArbitrary(model.node(schemaName), limits, 0);
}

/** Typed variant over a codec: `arbitraryOf(cosCiCodec, 'SubmitJobRequest')` yields `SubmitJobRequest` values. */
export function arbitraryOf<S, N extends keyof S & string>(codec: Codec<S>, schemaName: N, options?: ArbitraryOptions): Arbitrary<S[N]> {
  return arbitraryFor(codec.model, schemaName, options) as Arbitrary<S[N]>;
}

type Limits = Required<ArbitraryOptions>;

function nodeArbitrary(node: ModelNode, limits: Limits, depth: number): Arbitrary<unknown> {
  if (depth > limits.maxDepth) throw new Error(`[fileproc] schema nests deeper than ${limits.maxDepth} levels; raise maxDepth or break the cycle`);
  if (node.kind === 'leaf') return leafArbitrary(node, limits);
  if (node.kind === 'object') return objectArbitrary(node, limits, depth);
  const branches = [...node.branches].map(([tag, branch]) =>
    objectArbitrary(branch, limits, depth).map((value) => ({ ...(value as object), [node.tag]: tag })),
  );
  return fc.oneof(...branches);
}

function objectArbitrary(node: ObjectNode, limits: Limits, depth: number): Arbitrary<unknown> {
  const shape: Record<string, Arbitrary<unknown>> = {};
  for (const field of node.fields) shape[field.prop] = fieldArbitrary(field, limits, depth + 1);
  const requiredKeys = node.fields.filter((field) => field.required).map((field) => field.prop);
  const record = fc.record(shape, { requiredKeys, noNullPrototype: true });
  // An element with no children is "absent" on the wire, so an all-optional container needs one.
  return requiredKeys.length > 0 ? record : record.filter((value) => Object.keys(value).length > 0);
}

function fieldArbitrary(field: Field, limits: Limits, depth: number): Arbitrary<unknown> {
  const item = nodeArbitrary(field.node, limits, depth);
  if (!field.repeated) return item;
  const minItems = Math.max(1, numberOr(field.schema.minItems, 1));
  const maxItems = Math.max(minItems, Math.min(numberOr(field.schema.maxItems, limits.maxArrayLength), limits.maxArrayLength));
  return fc.array(item, { minLength: minItems, maxLength: maxItems });
}

function leafArbitrary(node: LeafNode, limits: Limits): Arbitrary<unknown> {
  const { schema } = node;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]).filter((v) => v !== ''));
  if (node.type === 'boolean') return fc.boolean();
  if (node.type === 'integer' || node.type === 'number') {
    const min = numberOr(schema.minimum, numberOr(schema.exclusiveMinimum, -1_000_001) + 1);
    const max = numberOr(schema.maximum, numberOr(schema.exclusiveMaximum, 1_000_000_001) - 1);
    return fc.integer({ min, max });
  }
  const minLength = Math.max(1, numberOr(schema.minLength, 1));
  if (typeof schema.pattern === 'string') {
    const maxLength = numberOr(schema.maxLength, 0x7fffffff);
    const fits = (s: string): boolean => s.length >= minLength && s.length <= maxLength && !xmlInvalid.test(s);
    return fc.stringMatching(patternRegExp(schema.pattern), { maxLength }).filter(fits);
  }
  const maxLength = Math.max(minLength, Math.min(numberOr(schema.maxLength, limits.maxStringLength), limits.maxStringLength));
  return xmlText(maxLength, minLength);
}

function patternRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    return new RegExp(pattern, 'u');
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
