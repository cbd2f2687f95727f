import { describe, expect, it } from 'vitest';
import { cosCiDocument, jdcloudDocument } from '../../protocol/codec.ts';
import { parseHost } from './host.ts';
import { classifyPath, type PathShape } from './path-shape.ts';
import { lookupRoute, ROUTES } from './routes.ts';
import type { Selector } from './types.ts';

type Paths = Record<string, Record<string, { operationId?: string; parameters?: Array<{ $ref?: string }> }>>;

// Spec path templates → a concrete path the mock must classify to the operation's shape.
const SAMPLE: Record<string, string> = { '{JobIds}': 'f1', '{QueueId}': 'p1', '{Key}': 'a/b.txt' };
const selectorFor = (operationId: string): Selector =>
  operationId === 'cancelJobs' ? 'cancel' : operationId === 'compressObject' ? 'compress' : '';

describe('route table', () => {
  it('has a route for every operation of both specs (webhooks excepted)', () => {
    const operations: Array<[string, string, string]> = [];
    for (const document of [cosCiDocument, jdcloudDocument]) {
      for (const [path, item] of Object.entries((document as { paths: Paths }).paths)) {
        for (const [method, operation] of Object.entries(item)) {
          if (operation.operationId && !path.startsWith('/webhook')) operations.push([method.toUpperCase(), path, operation.operationId]);
        }
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(18);
    for (const [method, template, operationId] of operations) {
      const concrete = template.replace(/\{[^}]+\}/g, (name) => SAMPLE[name] ?? 'x');
      const path = classifyPath(concrete, 'other');
      expect(path, `${method} ${template}`).toBeDefined();
      const route = lookupRoute(method, (path as { shape: PathShape }).shape, selectorFor(operationId));
      expect('handler' in route, `${operationId}: ${method} ${template}`).toBe(true);
    }
  });

  it('keys every route uniquely', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.shape} ${r.selector}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('classifies CI paths on every host, objects only off the CI hosts', () => {
    expect(classifyPath('/jobs', 'cos')).toEqual({ shape: 'jobs', variable: '' });
    expect(classifyPath('/file_jobs/a%2Cb', 'other')).toEqual({ shape: 'file_jobs/{ids}', variable: 'a,b' });
    expect(classifyPath('/dir/a%20b', 'cos')).toEqual({ shape: 'object', variable: 'dir/a b' });
    expect(classifyPath('/dir/a', 'ci')).toBeUndefined();
    expect(classifyPath('/', 'other')).toEqual({ shape: 'bucket', variable: '' });
    expect(classifyPath('/__fileproc/objects/x%2Fy', 'ci')).toEqual({ shape: 'admin/objects/{key}', variable: 'x/y' });
    // A CI root takes at most one non-empty segment; anything deeper or empty is no route (404).
    for (const path of ['/file_jobs/', '/file_jobs/a/b', '/file_jobs//', '/file_bucket/x']) expect(classifyPath(path, 'other'), path).toBeUndefined();
    expect(classifyPath('/file_queue/p1', 'other')).toEqual({ shape: 'file_queue/{id}', variable: 'p1' });
    expect(classifyPath('/file_jobsx/a', 'cos')).toEqual({ shape: 'object', variable: 'file_jobsx/a' });
  });
});

describe('host parsing (§1.1)', () => {
  const defaults = { bucket: 'dflt-1', region: 'ap-x' };
  it.each([
    ['examplebucket-1250000000.ci.ap-chongqing.myqcloud.com', 'ci', 'examplebucket-1250000000', 'ap-chongqing'],
    ['examplebucket-1250000000.cos.ap-chongqing.myqcloud.com:443', 'cos', 'examplebucket-1250000000', 'ap-chongqing'],
    ['examplebucket-1250000000.cos.ap-chongqing.tencentcos.cn', 'cos', 'examplebucket-1250000000', 'ap-chongqing'],
    ['ci.ap-beijing.myqcloud.com', 'ci-service', 'dflt-1', 'ap-beijing'],
    ['bucket.s3.cn-north-1.jdcloud-oss.com', 'jd', 'bucket', 'cn-north-1'],
    ['127.0.0.1:9000', 'other', 'dflt-1', 'ap-x'],
    ['nobucketappid.cos.ap-x.myqcloud.com', 'other', 'dflt-1', 'ap-x'],
  ])('%s → %s %s %s', (host, kind, bucket, region) => {
    expect(parseHost(host, defaults)).toEqual({ kind, bucket, region });
  });
});
