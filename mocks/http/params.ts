/**
 * Query, path and header parameters checked against the spec's own parameter schemas (so the
 * mock enforces exactly what `spec/` says: `size` 1..100, `ci-process` enum, `JobIds` pattern, …).
 * One JSON Schema per operation is derived from the bundle and compiled with Ajv on first use;
 * string values are coerced to the declared types. A violation is `400 InvalidArgument` naming
 * the parameter (reference §5.3).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvResource } from '../../protocol/ajv-schema.ts';
import type { OpenApiDocument } from '../../protocol/codec.ts';
import type { HeaderView } from './exchange.ts';
import { invalidArgument } from './http-error.ts';

interface ParameterObject { name: string; in: 'query' | 'path' | 'header' | 'cookie'; required?: boolean; schema?: Record<string, unknown>; $ref?: string }
interface OperationObject { operationId?: string; parameters?: ParameterObject[] }
interface BundledDocument extends OpenApiDocument {
  paths?: Record<string, Record<string, unknown> & { parameters?: ParameterObject[] }>;
  components?: { schemas?: Record<string, unknown>; parameters?: Record<string, ParameterObject> };
}

/** The raw inputs of one request. */
export interface ParamInput { query: URLSearchParams; path?: Record<string, string>; headers?: Pick<HeaderView, 'get'> }

/** Validated, type-coerced parameter values by name (absent ones omitted, defaults not applied). */
export type ParamValues = Record<string, unknown>;

/** Validates the parameters of one operation; throws HttpError 400 InvalidArgument. */
export type ParamValidator = (operationId: string, input: ParamInput) => ParamValues;

const DEF_PREFIX = 'fileproc-params:';
let validators = 0;

function operationParams(document: BundledDocument): Map<string, ParameterObject[]> {
  const resolve = (p: ParameterObject): ParameterObject =>
    p.$ref ? (document.components?.parameters?.[p.$ref.replace('#/components/parameters/', '')] as ParameterObject) : p;
  const byOperation = new Map<string, ParameterObject[]>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const value of Object.values(item)) {
      const operation = value as OperationObject;
      if (!operation || typeof operation !== 'object' || !operation.operationId) continue;
      byOperation.set(operation.operationId, [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve));
    }
  }
  return byOperation;
}

function paramSchema(params: ParameterObject[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const p of params) if (p.in !== 'cookie') properties[p.name] = p.schema ?? {};
  return { type: 'object', properties, required: params.filter((p) => p.required && p.in !== 'path').map((p) => p.name) };
}

function describe(error: ErrorObject): [string, string] {
  if (error.keyword === 'required') return [String((error.params as { missingProperty?: unknown }).missingProperty), 'is required'];
  const name = decodeURIComponent(error.instancePath.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  const allowed = error.keyword === 'enum' ? ` (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})` : '';
  return [name, `${error.message ?? 'is invalid'}${allowed}`];
}

/** Builds the validator for a bundled document; nothing is compiled until an operation is used. */
export function createParamValidator(document: OpenApiDocument): ParamValidator {
  const bundled = document as BundledDocument;
  const params = operationParams(bundled);
  const compiled = new Map<string, ValidateFunction>();
  let ajv: Ajv2020 | undefined;
  const id = `https://fileproc.invalid/params-${++validators}.json`;

  function compile(operationId: string): ValidateFunction {
    let validate = compiled.get(operationId);
    if (validate) return validate;
    if (!ajv) {
      const schemas: Record<string, unknown> = { ...bundled.components?.schemas };
      for (const [op, list] of params) schemas[DEF_PREFIX + op] = paramSchema(list);
      // validateSchema off: the meta-schema check compiles the 2020-12 meta-schema (~50 ms of the
      // first request after start); protocol/validate.test.ts checks the bundled schemas instead.
      ajv = new Ajv2020({ coerceTypes: true, allErrors: false, strict: false, validateFormats: false, discriminator: true, validateSchema: false });
      ajv.addSchema(ajvResource({ components: { schemas } }, id));
    }
    if (!params.has(operationId)) throw new Error(`[fileproc] no operation ${operationId} in the bundle`);
    validate = ajv.compile({ $ref: `${id}#/$defs/${encodeURIComponent(DEF_PREFIX + operationId)}` });
    compiled.set(operationId, validate);
    return validate;
  }

  return (operationId, input) => {
    const values: ParamValues = {};
    for (const p of params.get(operationId) ?? []) {
      const raw = p.in === 'query' ? input.query.get(p.name) : p.in === 'path' ? input.path?.[p.name] : p.in === 'header' ? input.headers?.get(p.name) : null;
      if (raw !== null && raw !== undefined) values[p.name] = raw;
    }
    const validate = compile(operationId);
    if (validate(values)) return values;
    const first = validate.errors?.[0];
    const [name, rule] = first ? describe(first) : ['parameters', 'are invalid'];
    throw invalidArgument(name, `${rule} (parameter of ${operationId})`);
  };
}
