/**
 * COS XML request signing and verification, `q-sign-algorithm=sha1` (reference §6).
 * Browser-safe: WebCrypto, or hash-wasm where `crypto.subtle` is hidden.
 */
export { sign, signDetailed, signTimesAround, type SignedRequestDetails } from './signing/sign.ts';
export { verify, hostVariants, EXPIRED_MESSAGE } from './signing/verify.ts';
export { signingRequestFromWebRequest } from './signing/from-web-request.ts';
export { cosUrlEncode, decodePathLeniently } from './signing/url-encode.ts';
export { formatAuthorization, authorizationFromPairs, splitAuthorizationHeader } from './signing/authorization.ts';
export type { HeaderSelection, NameSelection, SignOptions } from './signing/selection.ts';
export type { Sha1Primitives } from './signing/digest.ts';
export type {
  AuthorizationFields, Credentials, KeyLookup, QueryInput, SigningDetails, SigningRequest, SignTimes, VerifyErrorCode, VerifyResult,
} from './signing/types.ts';
