/**
 * The page of the browser test (`msw.browser.node.test.ts`), bundled by esbuild for the browser:
 * registers the MSW worker with `createHandlers()` (default mock: web processors, real clock) and
 * runs the frontend scenario through the page's own `fetch`, as an app would.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './msw.ts';

const COS = 'https://test-1250000000.cos.ap-guangzhou.myqcloud.com';
const CI = 'https://test-1250000000.ci.ap-guangzhou.myqcloud.com';

const compressRequest = (keys: string[], output: string) =>
  `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format>${keys.map((k) => `<Key>${k}</Key>`).join('')}</FileCompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>${output}</Object></Output></Operation></Request>`;

const textOf = (xml: string, element: string) => new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1] ?? '';

/** What the scenario reports back to the test. */
export interface ScenarioReport { states: string[]; jobId: string; zipBase64: string; zipType: string; requestIds: string[] }

async function scenario(files: Record<string, string>): Promise<ScenarioReport> {
  const requestIds: string[] = [];
  for (const [key, text] of Object.entries(files)) {
    const put = await fetch(`${COS}/${key}`, { method: 'PUT', body: text });
    if (put.status !== 200) throw new Error(`PUT ${key}: ${put.status} ${await put.text()}`);
    requestIds.push(put.headers.get('x-cos-request-id') ?? '');
  }
  const submit = await fetch(`${CI}/file_jobs`, { method: 'POST', body: compressRequest(Object.keys(files), 'out/bundle.zip'), headers: { 'content-type': 'application/xml' } });
  const submitted = await submit.text();
  if (submit.status !== 200) throw new Error(`submit: ${submit.status} ${submitted}`);
  requestIds.push(submit.headers.get('x-ci-request-id') ?? '');
  const jobId = textOf(submitted, 'JobId');
  const states = [textOf(submitted, 'State')];
  for (let i = 0; i < 200 && states.at(-1) !== 'Success' && states.at(-1) !== 'Failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const state = textOf(await (await fetch(`${CI}/file_jobs/${jobId}`)).text(), 'State');
    if (state !== states.at(-1)) states.push(state);
  }
  const zip = await fetch(`${COS}/out/bundle.zip`);
  const bytes = new Uint8Array(await zip.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { states, jobId, zipBase64: btoa(binary), zipType: zip.headers.get('content-type') ?? '', requestIds };
}

const worker = setupWorker(...createHandlers());
const ready = worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

Object.assign(globalThis, { fileprocScenario: async (files: Record<string, string>) => { await ready; return scenario(files); } });
