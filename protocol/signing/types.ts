/** Query parameters, decoded; a valueless parameter such as `?cancel` has value `''`. */
export type QueryInput = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;

/**
 * A transport-neutral view of an HTTP request, as COS signing sees it (reference §6.1).
 * `path` is the decoded path (`/exampleobject(腾讯云)`), never the percent-encoded wire form.
 */
export interface SigningRequest {
  method: string;
  path: string;
  query: QueryInput;
  /** Header names in any case; values as sent. */
  headers: Readonly<Record<string, string>>;
}

/** A COS key pair (SecretId = `q-ak`). */
export interface Credentials {
  secretId: string;
  secretKey: string;
}

/** The validity window in unix seconds, inclusive; becomes `q-sign-time` and `q-key-time`. */
export interface SignTimes {
  start: number;
  end: number;
}

/** Every intermediate value of reference §6.1, named as the vendor names them. */
export interface SigningDetails {
  keyTime: string;
  signTime: string;
  signKey: string;
  urlParamList: string;
  httpParameters: string;
  headerList: string;
  httpHeaders: string;
  httpString: string;
  stringToSign: string;
  signature: string;
}

/** The parsed fields of an `Authorization` value (reference §6.1 step 8). */
export interface AuthorizationFields {
  algorithm: string;
  secretId: string;
  signTime: string;
  keyTime: string;
  headerList: string[];
  urlParamList: string[];
  signature: string;
}

/** Error codes `verify` reports (reference §5.3), each answered with HTTP 403. */
export type VerifyErrorCode = 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch';

/** Outcome of `verify`; on failure `message` is ready for the `<Message>` of an `<Error>` body. */
export type VerifyResult =
  | { ok: true; secretId: string }
  | { ok: false; code: VerifyErrorCode; message: string; expected?: Pick<SigningDetails, 'httpString' | 'stringToSign'> };

/** Finds the SecretKey of a SecretId; `undefined` when the id is unknown. May be async. */
export type KeyLookup = (secretId: string) => string | undefined | Promise<string | undefined>;
