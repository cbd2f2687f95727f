import { nameList, pairString, type EncodedPair } from './canonical.ts';
import type { Sha1Primitives } from './digest.ts';
import type { SigningDetails } from './types.ts';

/** What both signer and verifier feed into the algorithm, pairs already chosen and ordered. */
export interface SignatureInput {
  method: string;
  path: string;
  params: readonly EncodedPair[];
  headers: readonly EncodedPair[];
  signTime: string;
  keyTime: string;
  secretKey: string;
}

/** Runs reference §6.1 steps 2–7 and returns every intermediate value. */
export async function computeSignature(input: SignatureInput, primitives: Sha1Primitives): Promise<SigningDetails> {
  const signKey = await primitives.hmacSha1Hex(input.secretKey, input.keyTime);
  const httpParameters = pairString(input.params);
  const httpHeaders = pairString(input.headers);
  const httpString = `${input.method.toLowerCase()}\n${input.path}\n${httpParameters}\n${httpHeaders}\n`;
  const stringToSign = `sha1\n${input.signTime}\n${await primitives.sha1Hex(httpString)}\n`;
  const signature = await primitives.hmacSha1Hex(signKey, stringToSign);
  return {
    keyTime: input.keyTime,
    signTime: input.signTime,
    signKey,
    urlParamList: nameList(input.params),
    httpParameters,
    headerList: nameList(input.headers),
    httpHeaders,
    httpString,
    stringToSign,
    signature,
  };
}
