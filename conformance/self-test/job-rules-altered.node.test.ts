/**
 * Each response-shape, lifecycle and list rule fails on a target with one realistic defect (the
 * mock with a request or answer altered) and names it; the rules the mock's fault catalogue
 * already covers (mocks/faults/catalogue.ts) are proven by `faults.node.test.ts` instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import { editBody, editRequest, expectRuleFails, type Alteration } from './altered-target.ts';
import { quietMock } from './support.ts';

let mock: NodeMock;
beforeAll(async () => {
  mock = await quietMock();
});
afterAll(() => mock.close());

/** Edits the answers to requests matching `method` and `path` (a RegExp on path + query). */
const answers = (method: string, path: RegExp, edit: (text: string, response: Response) => string | Promise<Response>): Alteration => async (request, forward) => {
  const response = await forward(request);
  const url = new URL(request.url);
  if (request.method !== method || !path.test(url.pathname + url.search)) return response;
  const text = await response.clone().text();
  const edited = edit(text, response);
  return typeof edited === 'string' ? editBody(response, () => edited) : edited;
};

/** Edits the query of requests matching `method` and `path`. */
const query = (method: string, path: RegExp, edit: (params: URLSearchParams) => void): Alteration => async (request, forward) => {
  const url = new URL(request.url);
  if (request.method !== method || !path.test(url.pathname)) return forward(request);
  return forward(await editRequest(request, { url: (u) => { edit(u.searchParams); return u; } }));
};

describe('job, lifecycle and list rules fail on a broken target', () => {
  const cases: Array<[string, string, Alteration, string]> = [
    ['describe-response-shape', 'describe drops CreationTime', answers('GET', /^\/jobs\/f/, (text) => text.replace(/<CreationTime>[^<]*<\/CreationTime>/, '')), 'CreationTime'],
    ['list-response-shape', 'list ignores inputObject', query('GET', /^\/jobs$/, (params) => params.delete('inputObject')), 'JobIds listed'],
    ['cancel-response-shape', 'cancel answers 200 with an XML body', answers('PUT', /\?cancel/, () => '<Response><RequestId>r</RequestId></Response>'), 'body'],
    ['queue-list-response-shape', 'NonExistPIDs omitted', answers('GET', /^\/file_queue/, (text) => text.replace(/<NonExistPIDs>[^<]*<\/NonExistPIDs>/g, '')), 'NonExistPIDs'],
    ['queue-update-response-shape', 'POST updates are refused (a PUT-only target)', async (request, forward) => (request.method === 'POST' && /file_queue/.test(request.url) ? editBody(await forward(new Request(request.url, { method: 'GET', headers: { host: request.headers.get('host') ?? '' } })), (text) => text) : forward(request)), 'file_queue'],
    ['file-bucket-response-shape', 'service list omits the bucket', answers('GET', /^\/file_bucket/, (text) => text.replace(/<FileBucketList>[\s\S]*<\/FileBucketList>/, '').replace(/<TotalCount>\d+</, '<TotalCount>0<')), 'BucketIds'],
    ['object-api-shape', 'ETag unquoted', answers('HEAD', /./, (_text, response) => {
      const headers = new Headers(response.headers);
      headers.set('etag', (headers.get('etag') ?? '').replace(/"/g, ''));
      return Promise.resolve(new Response(null, { status: response.status, headers }));
    }), 'ETag'],
    ['failed-has-code', 'Failed jobs report Code Success', answers('GET', /^\/jobs\/f/, (text) => text.replace(/<State>Failed<\/State>/, '<State>Failed</State><Code>Success</Code>').replace(/<Code>(?!Success)[^<]+<\/Code>/, '')), 'Code'],
    ['queue-pause-resume', 'paused jobs reported Submitted', answers('GET', /^\/jobs\/f/, (text) => text.replace('<State>Pause</State>', '<State>Submitted</State>')), 'Pause'],
    ['list-filters', 'states filter ignored', query('GET', /^\/jobs$/, (params) => params.delete('states')), 'states='],
    ['list-size-limit', 'size over 100 clamped instead of refused', query('GET', /^\/jobs$/, (params) => {
      if (Number(params.get('size')) > 100) params.set('size', '100');
    }), 'InvalidArgument'],
    ['lifecycle-model', 'a cancel answered 200 leaves the job running', async (request, forward) => {
      if (request.method !== 'PUT' || !request.url.includes('?cancel')) return forward(request);
      const response = await forward(request);
      return response.status === 400 ? editBody(new Response(null, { status: 200, headers: response.headers }), () => '') : response;
    }, 'cancel'],
  ];
  for (const [ruleId, defect, alter, mentioned] of cases) {
    it(`${ruleId} fails when ${defect}`, async () => {
      const result = await expectRuleFails(mock, ruleId, { alter, runs: ruleId === 'lifecycle-model' ? 40 : 5 });
      expect(`${result.failure?.documented} ${result.failure?.received}`).toContain(mentioned);
    }, 60_000);
  }
});
