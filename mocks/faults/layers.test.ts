import { describe, expect, it } from 'vitest';
import { createMock } from '../index.ts';

const CI = 'http://test-1250000000.ci.ap-guangzhou.myqcloud.com';
const COS = 'http://test-1250000000.cos.ap-guangzhou.myqcloud.com';
const hashJob = (callBack = '') => `<Request><Tag>FileHashCode</Tag><Input><Object>a.txt</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig><UserData>u</UserData></Operation>${callBack}</Request>`;
const MD5_HI = '49f68a5c8493ec2c0bf489821c21fc3b';

async function finishedHashJob(faults: string[], callBack = '') {
  const mock = createMock({ clock: 'virtual', seed: 5, faults });
  await mock.fetch(new Request(`${COS}/a.txt`, { method: 'PUT', body: 'hi' }));
  const submitted = await (await mock.fetch(new Request(`${CI}/file_jobs`, { method: 'POST', body: hashJob(callBack) }))).text();
  const jobId = /<JobId>(\w+)<\/JobId>/i.exec(submitted)?.[1] as string;
  await mock.admin.advance(10_000);
  const described = await mock.fetch(new Request(`${CI}/file_jobs/${jobId.toLowerCase()}`));
  return { mock, submitted, jobId, described, text: await described.text() };
}

describe('fault layers', () => {
  it('without faults the answers are the mock\'s own', async () => {
    const { described, text } = await finishedHashJob([]);
    expect(described.headers.get('x-ci-request-id')).toBeTruthy();
    expect(text).toContain(`<MD5>${MD5_HI}</MD5>`);
    expect(text).toContain('<UserData>u</UserData>');
  });

  it('http faults rewrite headers and XML; admin routes stay untouched', async () => {
    const { mock, described, text, submitted } = await finishedHashJob(['missing-request-id', 'userdata-not-echoed', 'job-id-uppercase', 'end-before-start']);
    expect(described.headers.get('x-ci-request-id')).toBeNull();
    expect(text).not.toContain('<UserData>');
    expect(submitted).toMatch(/<JobId>f[0-9A-F]{32}<\/JobId>/);
    const [start, end] = ['StartTime', 'EndTime'].map((name) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(text)?.[1] ?? '');
    expect(String(end) < String(start)).toBe(true);
    const admin = await mock.fetch(new Request(`${CI}/__fileproc/faults`));
    expect(await admin.json()).toEqual({ enabled: ['missing-request-id', 'job-id-uppercase', 'end-before-start', 'userdata-not-echoed'] });
  });

  it('processing faults change the result container, not the transport', async () => {
    const { text } = await finishedHashJob(['hash-digest-wrong']);
    const md5 = /<MD5>(\w+)<\/MD5>/.exec(text)?.[1];
    expect(md5).toHaveLength(32);
    expect(md5).not.toBe(MD5_HI);
  });

  it('callback faults double, drop or re-target TaskFinish deliveries', async () => {
    const url = '<CallBack>http://receiver.invalid/cb</CallBack>';
    expect((await finishedHashJob([], url)).mock.admin.callbacks()).toHaveLength(1);
    expect((await finishedHashJob(['callback-duplicated'], url)).mock.admin.callbacks()).toHaveLength(2);
    expect((await finishedHashJob(['callback-missing'], url)).mock.admin.callbacks()).toHaveLength(0);
    const [json] = (await finishedHashJob(['callback-json-for-xml'], url)).mock.admin.callbacks() as [{ event: { target: { format: string } } }];
    expect(json.event.target.format).toBe('JSON');
  });

  it('faults switch on and off at run time through the admin API; unknown names are a 400', async () => {
    const mock = createMock({ clock: 'virtual' });
    const post = (body: unknown) => mock.fetch(new Request(`${CI}/__fileproc/faults`, { method: 'POST', body: JSON.stringify(body) }));
    expect(await (await post({ enable: ['wrong-content-type', 'paging-skips-job'] })).json()).toEqual({ enabled: ['wrong-content-type', 'paging-skips-job'] });
    expect(mock.engine.faults.list()).toEqual(['paging-skips-job']);
    const answer = await mock.fetch(new Request(`${CI}/file_jobs/f${'0'.repeat(32)}`));
    expect(answer.headers.get('content-type')).toBe('text/plain');
    expect(await (await post({ disable: ['wrong-content-type', 'paging-skips-job'] })).json()).toEqual({ enabled: [] });
    expect((await mock.fetch(new Request(`${CI}/file_jobs/f${'0'.repeat(32)}`))).headers.get('content-type')).toBe('application/xml');
    const bad = await post({ enable: ['nope'] });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('unknown fault');
  });
});
