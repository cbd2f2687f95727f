/**
 * The real-client scenario of the issue, driven by `cos-nodejs-sdk-v5` exactly as its demo does
 * (CI calls through `cos.request` with a `Url`): used by `sdk.node.test.ts` once per redirect mode
 * of sdk-wire-behaviour.md. Test support only.
 */
import type COS from 'cos-nodejs-sdk-v5';

/** Where the SDK sends CI calls and which bucket/region it names. */
export interface SdkTarget { cos: COS; ciBase: string; bucket: string; region: string }

type Detail = { JobId: string; State: string; Code: string; Operation?: Record<string, Record<string, string>> };

const one = <T>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);

/** `cos.request` as a promise, with `Response` (the parsed XML root) returned. */
export async function ciRequest(t: SdkTarget, params: { Method: string; Key: string; Body?: string; Query?: Record<string, string>; Action?: string }) {
  const result = await t.cos.request({
    Bucket: t.bucket, Region: t.region, Url: `${t.ciBase}/${params.Key}`,
    ...(params.Body !== undefined && { ContentType: 'application/xml' }),
    ...params,
  } as COS.RequestParams);
  return (result as unknown as { Response: Record<string, unknown> }).Response;
}

/** Submits a job (`POST /file_jobs`) and returns its JobsDetail. */
export async function submitJob(t: SdkTarget, xml: string): Promise<Detail> {
  const response = await ciRequest(t, { Method: 'POST', Key: 'file_jobs', Body: xml });
  return one(response.JobsDetail as Detail | Detail[]) as Detail;
}

/** `GET /file_jobs/<id>`. */
export async function describeJob(t: SdkTarget, jobId: string): Promise<Detail> {
  return one((await ciRequest(t, { Method: 'GET', Key: `file_jobs/${jobId}` })).JobsDetail as Detail | Detail[]) as Detail;
}

/** Polls describe until the job is Success or Failed (real clock, short scripted timings). */
export async function waitForEnd(t: SdkTarget, jobId: string): Promise<Detail> {
  for (let i = 0; i < 400; i++) {
    const detail = await describeJob(t, jobId);
    if (detail.State === 'Success' || detail.State === 'Failed') return detail;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`[fileproc] job ${jobId} did not finish`);
}

/** `GET /jobs?tag=…` (the generic CI list; no SDK has a file-job list call). */
export async function listJobIds(t: SdkTarget, tag: string): Promise<string[]> {
  const response = await ciRequest(t, { Method: 'GET', Key: 'jobs', Query: { tag, size: '100', orderByTime: 'Desc', states: 'All' } });
  const details = response.JobsDetail as Detail | Detail[] | undefined;
  return (Array.isArray(details) ? details : details ? [details] : []).map((d) => d.JobId);
}

/** `PUT /jobs/<id>?cancel=` (Node's `Action: 'cancel'` signs the parameter). */
export async function cancelJob(t: SdkTarget, jobId: string): Promise<void> {
  await ciRequest(t, { Method: 'PUT', Key: `jobs/${jobId}`, Action: 'cancel' });
}

/** Request bodies as the SDK demos build them. */
export const bodies = {
  compress: (keys: string[], output: string, bucket: string, region: string) =>
    `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format>${keys.map((k) => `<Key>${k}</Key>`).join('')}</FileCompressConfig><Output><Bucket>${bucket}</Bucket><Region>${region}</Region><Object>${output}</Object></Output></Operation></Request>`,
  hash: (key: string) =>
    `<Request><Tag>FileHashCode</Tag><Input><Object>${key}</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type><AddToHeader>false</AddToHeader></FileHashCodeConfig></Operation></Request>`,
  uncompress: (key: string, prefix: string, bucket: string, region: string) =>
    `<Request><Tag>FileUncompress</Tag><Input><Object>${key}</Object></Input><Operation><FileUncompressConfig><Prefix>${prefix}</Prefix><PrefixReplaced>0</PrefixReplaced></FileUncompressConfig><Output><Bucket>${bucket}</Bucket><Region>${region}</Region></Output></Operation></Request>`,
};
