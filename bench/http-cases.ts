/** The request cases `bench/http.ts` and `bench/http-profile.ts` share: bodies, headers, the described job. */

/** wrk sends no Authorization; Prism demands one (security scheme), the mock has auth off. */
export const AUTH = { Authorization: 'q-sign-algorithm=sha1&q-ak=AKIDbench&q-sign-time=1;2&q-key-time=1;2&q-header-list=&q-url-param-list=&q-signature=0000000000000000000000000000000000000000' };
/** The submitted job: a FileHashCode of a small object. */
export const SUBMIT_BODY = '<Request><Tag>FileHashCode</Tag><Input><Object>bench/a.txt</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type><AddToHeader>false</AddToHeader></FileHashCodeConfig><UserData>bench</UserData></Operation></Request>';
/** Every bucket has its own default queue (MaxSize 10000): rotating 64 buckets keeps queues from filling. */
export const HOSTS = Array.from({ length: 64 }, (_, i) => `bench${i}-1250000000.ci.ap-guangzhou.myqcloud.com`);

/** Seeds an object, submits one job, runs it to Success on the virtual clock; returns its id (the describe target). */
export async function prepareFileproc(url: string): Promise<string> {
  await fetch(`${url}/bench/a.txt`, { method: 'PUT', body: 'bench object' });
  const text = await (await fetch(`${url}/file_jobs`, { method: 'POST', body: SUBMIT_BODY })).text();
  const jobId = /<JobId>(\w+)<\/JobId>/.exec(text)?.[1];
  if (!jobId) throw new Error(`[fileproc] bench: submit failed: ${text}`);
  await fetch(`${url}/__fileproc/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 10_000 }) });
  const described = await (await fetch(`${url}/file_jobs/${jobId}`)).text();
  if (!described.includes('<State>Success</State>')) throw new Error(`[fileproc] bench: job did not succeed: ${described}`);
  return jobId;
}
