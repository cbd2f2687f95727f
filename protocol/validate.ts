/**
 * Schema validation of decoded bodies with Ajv (JSON Schema 2020-12, `discriminator: true`),
 * compiled once per schema name from the bundled document. Bad input never throws: the result
 * names the element path and the rule, ready to be the `Message` of `400 InvalidArgument`.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvResource, branchTagValues } from './ajv-schema.ts';
import {
  MalformedXmlError, cosCiCodec, cosCiDocument, jdcloudCodec, jdcloudDocument,
  type Codec, type CosCiSchemas, type JdcloudSchemas, type OpenApiDocument,
} from './codec.ts';
import type { RawSchema } from './schema-raw.ts';
import { describeAjvError } from './validate-messages.ts';

/** A valid value, or the first defect found (reference §5.3: `400 InvalidArgument`). */
export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'InvalidArgument'; path: string; message: string };

/** `parseBody`'s answer: a valid value, or `MalformedXML` (not XML / wrong root) or `InvalidArgument`. */
export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'MalformedXML'; message: string }
  | { ok: false; code: 'InvalidArgument'; path: string; message: string };

/** Validation (and decode + validation) for the component schemas `S` of one document. */
export interface Validator<S> {
  /** Checks a decoded value against a component schema. */
  validate<N extends keyof S & string>(value: unknown, schemaName: N): ValidationResult<S[N]>;
  /** Decodes XML with the codec, then validates: the one call request handlers need. */
  parseBody<N extends keyof S & string>(xml: string, schemaName: N): ParseResult<S[N]>;
}

let nextId = 0;

/** Builds a validator over a document; Ajv is created and schemas compiled on first use. */
export function createValidator<S>(document: OpenApiDocument, codec: Codec<S>): Validator<S> {
  const id = `https://fileproc.invalid/schema-${++nextId}.json`;
  let ajv: Ajv2020 | undefined;
  let resource: RawSchema | undefined;
  const compiled = new Map<string, ValidateFunction>();

  function compile(schemaName: string): ValidateFunction {
    let validate = compiled.get(schemaName);
    if (validate) return validate;
    codec.model.raw(schemaName); // a clear "unknown schema" error instead of Ajv's missing-ref one
    if (!ajv || !resource) {
      resource = ajvResource(document, id);
      // validateSchema off: checking the resource against the 2020-12 meta-schema compiles that
      // meta-schema first (~50 ms, the bulk of the first request); validate.test.ts checks it instead.
      ajv = new Ajv2020({ discriminator: true, allErrors: false, verbose: true, strictTypes: false, validateFormats: false, validateSchema: false });
      ajv.addSchema(resource);
    }
    validate = ajv.compile({ $ref: `${id}#/$defs/${encodeURIComponent(schemaName)}` });
    compiled.set(schemaName, validate);
    return validate;
  }

  function allowedTags(error: ErrorObject): string[] {
    const parent = error.parentSchema as RawSchema | undefined;
    const tag = String((error.params as { tag?: unknown }).tag);
    const options = Array.isArray(parent?.oneOf) ? (parent.oneOf as RawSchema[]) : [];
    return options.flatMap((option) => branchTagValues(resource ?? {}, option, tag));
  }

  function validate<N extends keyof S & string>(value: unknown, schemaName: N): ValidationResult<S[N]> {
    const check = compile(schemaName);
    if (check(value)) return { ok: true, value: value as S[N] };
    const first = check.errors?.[0];
    const root = codec.rootElement(schemaName);
    if (!first) return { ok: false, code: 'InvalidArgument', path: root, message: `${root}: is not valid` };
    const { path, rule } = describeAjvError(first, root, allowedTags);
    return { ok: false, code: 'InvalidArgument', path, message: `${path}: ${rule}` };
  }

  function parseBody<N extends keyof S & string>(xml: string, schemaName: N): ParseResult<S[N]> {
    let value: unknown;
    try {
      value = codec.decode(xml, schemaName);
    } catch (error) {
      if (error instanceof MalformedXmlError) return { ok: false, code: 'MalformedXML', message: error.detail };
      throw error;
    }
    return validate(value, schemaName);
  }

  return { validate, parseBody };
}

/** Validator for COS CI bodies over `generated/cos-ci.bundled.json`. */
export const cosCiValidator: Validator<CosCiSchemas> = createValidator(cosCiDocument, cosCiCodec);
/** Validator for JD Cloud bodies over `generated/jdcloud.bundled.json`. */
export const jdcloudValidator: Validator<JdcloudSchemas> = createValidator(jdcloudDocument, jdcloudCodec);
/** Decode + validate a COS CI body (`parseBody(xml, 'SubmitJobRequest')`); JD bodies: `jdcloudValidator.parseBody`. */
export const parseBody: Validator<CosCiSchemas>['parseBody'] = (xml, schemaName) => cosCiValidator.parseBody(xml, schemaName);

/** A bundled validator with plain-string schema names, for callers that pick the API at run time (CLI, conformance). */
export function validatorFor(api: 'cos-ci' | 'jdcloud'): Validator<Record<string, unknown>> {
  return (api === 'jdcloud' ? jdcloudValidator : cosCiValidator) as unknown as Validator<Record<string, unknown>>;
}
