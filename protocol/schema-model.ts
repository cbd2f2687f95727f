/**
 * The XML shape of a bundled OpenAPI document's component schemas, resolved once: which child
 * elements an element has, which repeat, which leaves are integers or booleans, and how a
 * `oneOf` + `discriminator` picks its branch. The codec, the callback-JSON renderer and the
 * arbitraries all walk this model instead of re-reading raw JSON Schema.
 */
import { FileprocSchemaError, asSchema, mergeAllOf, refName, type RawSchema } from './schema-raw.ts';

/** A bundled OpenAPI 3.1 document (only `components.schemas` is read). */
export interface OpenApiDocument { components?: { schemas?: Record<string, unknown> } }

/** Leaf value types the wire knows; everything else is a container. */
export type LeafType = 'string' | 'integer' | 'number' | 'boolean';

/** A text-only element. `schema` is the merged leaf schema (enum, pattern, limits). */
export interface LeafNode { kind: 'leaf'; type: LeafType; schema: RawSchema }

/** One child element of a container, in schema property order. */
export interface Field {
  prop: string;
  element: string;
  node: ModelNode;
  repeated: boolean;
  required: boolean;
  /** The property schema itself (for an array: the array schema with minItems/maxItems). */
  schema: RawSchema;
}

/** A container element. `byElement` maps element names (not property names) to fields. */
export interface ObjectNode { kind: 'object'; fields: Field[]; byElement: Map<string, Field> }

/** `oneOf` + `discriminator`: `branches` by tag value; `merged` decodes unknown or missing tags. */
export interface UnionNode { kind: 'union'; tag: string; branches: Map<string, ObjectNode>; merged: ObjectNode }

/** Any node of the model. */
export type ModelNode = LeafNode | ObjectNode | UnionNode;

/** Resolves component schemas of one document into model nodes, memoised by component name. */
export class SchemaModel {
  private readonly schemas: Record<string, unknown>;
  private readonly named = new Map<string, ModelNode>();

  constructor(document: OpenApiDocument) {
    this.schemas = document.components?.schemas ?? {};
  }

  /** Names of every component schema in the document. */
  names(): string[] {
    return Object.keys(this.schemas);
  }

  /** The raw component schema, or an error naming the schemas that do exist. */
  raw(name: string): RawSchema {
    const schema = this.schemas[name];
    if (schema === undefined) {
      throw new FileprocSchemaError(`[fileproc] unknown schema "${name}"; the document defines: ${this.names().join(', ')}`);
    }
    return asSchema(schema, name);
  }

  /** The root element name of a component: its `xml.name`, else the component name. */
  rootElement(name: string): string {
    const xml = this.raw(name).xml as { name?: unknown } | undefined;
    return typeof xml?.name === 'string' ? xml.name : name;
  }

  /** The model node of a component (built on first use; cycles are allowed). */
  node(name: string): ModelNode {
    const known = this.named.get(name);
    if (known) return known;
    try {
      return this.build(this.raw(name), name);
    } catch (error) {
      this.named.delete(name); // never leave a half-built node behind for the next caller
      throw error;
    }
  }

  private build(schema: RawSchema, name?: string): ModelNode {
    if (typeof schema.$ref === 'string') return this.node(refName(schema.$ref));
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return this.buildUnion(schema, name);
    const merged = mergeAllOf(schema, (ref) => this.raw(refName(ref)));
    if (isObjectSchema(merged)) {
      const node: ObjectNode = { kind: 'object', fields: [], byElement: new Map() };
      if (name !== undefined) this.named.set(name, node);
      this.fillObject(node, merged);
      return node;
    }
    const leaf: LeafNode = { kind: 'leaf', type: leafType(merged), schema: merged };
    if (name !== undefined) this.named.set(name, leaf);
    return leaf;
  }

  private fillObject(node: ObjectNode, schema: RawSchema): void {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    for (const [prop, raw] of Object.entries(properties)) {
      const propSchema = asSchema(raw, prop);
      const resolved = typeof propSchema.$ref === 'string' ? this.raw(refName(propSchema.$ref)) : propSchema;
      const repeated = resolved.type === 'array';
      const itemSchema = repeated ? asSchema(resolved.items ?? {}, `${prop}.items`) : propSchema;
      if (isWrapped(propSchema) || isWrapped(resolved)) {
        throw new FileprocSchemaError(`[fileproc] ${prop}: xml.wrapped arrays are not supported; repeat the element instead`);
      }
      const element = xmlName(repeated ? itemSchema : undefined) ?? xmlName(propSchema) ?? prop;
      const field: Field = { prop, element, node: this.build(itemSchema), repeated, required: required.has(prop), schema: resolved };
      node.fields.push(field);
      node.byElement.set(element, field);
    }
  }

  private buildUnion(schema: RawSchema, name?: string): ModelNode {
    const options = (schema.oneOf ?? schema.anyOf) as unknown[];
    const discriminator = schema.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    const merged: ObjectNode = { kind: 'object', fields: [], byElement: new Map() };
    const tag = discriminator?.propertyName;
    const union: UnionNode = { kind: 'union', tag: tag ?? '', branches: new Map(), merged };
    if (name !== undefined) this.named.set(name, tag === undefined ? merged : union);
    const branchNodes = options.map((option, i) => this.build(asSchema(option, `${name ?? 'oneOf'}[${i}]`)));
    for (const branch of branchNodes) {
      if (branch.kind !== 'object') throw new FileprocSchemaError(`[fileproc] ${name ?? 'oneOf'}: every branch must be an object schema`);
      for (const field of branch.fields) if (!merged.byElement.has(field.element)) { merged.fields.push(field); merged.byElement.set(field.element, field); }
    }
    if (tag === undefined) return merged;
    const mapping = discriminator?.mapping;
    if (mapping) {
      for (const [value, ref] of Object.entries(mapping)) union.branches.set(value, this.node(refName(ref)) as ObjectNode);
    } else {
      for (const branch of branchNodes as ObjectNode[]) for (const value of tagValues(branch, tag)) union.branches.set(value, branch);
    }
    if (union.branches.size === 0) {
      throw new FileprocSchemaError(`[fileproc] ${name ?? 'oneOf'}: discriminator "${tag}" needs a mapping or a const/enum "${tag}" in each branch`);
    }
    return union;
  }
}

/** The tag values a branch declares for its discriminator leaf (`const` or `enum`). */
export function tagValues(branch: ObjectNode, tag: string): string[] {
  const leaf = branch.byElement.get(tag)?.node;
  if (leaf?.kind !== 'leaf') return [];
  if (typeof leaf.schema.const === 'string') return [leaf.schema.const];
  return Array.isArray(leaf.schema.enum) ? leaf.schema.enum.filter((v): v is string => typeof v === 'string') : [];
}

function isObjectSchema(schema: RawSchema): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

function leafType(schema: RawSchema): LeafType {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of types) {
    if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'string') return type;
  }
  return 'string';
}

function isWrapped(schema: RawSchema): boolean {
  return (schema.xml as { wrapped?: unknown } | undefined)?.wrapped === true;
}

function xmlName(schema: RawSchema | undefined): string | undefined {
  const xml = schema?.xml as { name?: unknown } | undefined;
  return typeof xml?.name === 'string' ? xml.name : undefined;
}
