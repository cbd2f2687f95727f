/**
 * The XML codec, driven by a bundled OpenAPI document: `decode(xml, 'SubmitJobRequest')` gives a
 * typed object, `encode(value, 'SubmitJobResponse')` gives XML text. Both directions are compiled
 * per schema on first use and cached. Browser-safe: saxes only, no Node built-ins.
 */
import cosCiBundle from '../generated/cos-ci.bundled.json' with { type: 'json' };
import type { components as CosCiComponents } from '../generated/cos-ci.d.ts';
import jdcloudBundle from '../generated/jdcloud.bundled.json' with { type: 'json' };
import type { components as JdcloudComponents } from '../generated/jdcloud.d.ts';
import { compileDecoder, type ElementDecoder } from './decode.ts';
import { compileEncoder, type ElementEncoder } from './encode.ts';
import { SchemaModel, type OpenApiDocument } from './schema-model.ts';
import { MalformedXmlError, parseXml } from './xml-tree.ts';

/** Re-exported so callers of the codec can catch decode failures without importing internals. */
export { MalformedXmlError } from './xml-tree.ts';
/** Re-exported: the document shape `createCodec` accepts. */
export type { OpenApiDocument } from './schema-model.ts';

/** The declaration `encode(..., { declaration: true })` puts in front of the root element. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Options of `Codec.encode`. */
export interface EncodeOptions { declaration?: boolean }

/** Decoder and encoder for the component schemas `S` of one document (name → value type). */
export interface Codec<S> {
  /** Parses XML rooted at the schema's root element; throws `MalformedXmlError` (400 MalformedXML). */
  decode<N extends keyof S & string>(xml: string, schemaName: N): S[N];
  /** Writes a value as XML (no declaration unless asked); throws `TypeError` for values it cannot write. */
  encode<N extends keyof S & string>(value: S[N], schemaName: N, options?: EncodeOptions): string;
  /** The root element name of a schema (`xml.name`, else the component name). */
  rootElement(schemaName: keyof S & string): string;
  /** The resolved XML model of the document (shared with validation and arbitraries). */
  readonly model: SchemaModel;
}

/** Builds a codec for a bundled document; nothing is compiled until a schema is first used. */
export function createCodec<S = Record<string, unknown>>(document: OpenApiDocument): Codec<S> {
  const model = new SchemaModel(document);
  const decoders = new Map<string, ElementDecoder>();
  const encoders = new Map<string, ElementEncoder>();
  const decoderCache = new Map();
  const encoderCache = new Map();
  return {
    model,
    rootElement: (schemaName) => model.rootElement(schemaName),
    decode<N extends keyof S & string>(xml: string, schemaName: N): S[N] {
      let decode = decoders.get(schemaName);
      if (!decode) decoders.set(schemaName, (decode = compileDecoder(model.node(schemaName), decoderCache)));
      const root = parseXml(xml);
      const expected = model.rootElement(schemaName);
      if (root.name !== expected) {
        throw new MalformedXmlError(`expected root element <${expected}> for ${schemaName}, got <${root.name}>`);
      }
      return (decode(root, expected) ?? {}) as S[N];
    },
    encode<N extends keyof S & string>(value: S[N], schemaName: N, options?: EncodeOptions): string {
      let encode = encoders.get(schemaName);
      if (!encode) {
        encode = compileEncoder(model.node(schemaName), model.rootElement(schemaName), encoderCache);
        encoders.set(schemaName, encode);
      }
      const xml = encode(value);
      return options?.declaration ? XML_DECLARATION + xml : xml;
    },
  };
}

/** COS CI component schemas by name (generated types). */
export type CosCiSchemas = CosCiComponents['schemas'];
/** JD Cloud component schemas by name (generated types). */
export type JdcloudSchemas = JdcloudComponents['schemas'];

/** The bundled COS CI document (`generated/cos-ci.bundled.json`). */
export const cosCiDocument: OpenApiDocument = cosCiBundle;
/** The bundled JD Cloud document (`generated/jdcloud.bundled.json`). */
export const jdcloudDocument: OpenApiDocument = jdcloudBundle;
/** Codec for COS CI bodies: `cosCiCodec.decode(xml, 'SubmitJobRequest')`, `encode(v, 'SubmitJobResponse')`. */
export const cosCiCodec: Codec<CosCiSchemas> = createCodec<CosCiSchemas>(cosCiDocument);
/** Codec for JD Cloud bodies (`CompressRequest`, `Error`). */
export const jdcloudCodec: Codec<JdcloudSchemas> = createCodec<JdcloudSchemas>(jdcloudDocument);

/** A bundled codec with plain-string schema names, for callers that pick the API at run time (CLI, conformance). */
export function codecFor(api: 'cos-ci' | 'jdcloud'): Codec<Record<string, unknown>> {
  return (api === 'jdcloud' ? jdcloudCodec : cosCiCodec) as unknown as Codec<Record<string, unknown>>;
}
