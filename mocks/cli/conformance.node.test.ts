import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeMock, type NodeMock } from '../adapters/node-mock.ts';
import { startServer, type RunningServer } from '../adapters/node-server.ts';
import { main } from './main.ts';

let mock: NodeMock;
let server: RunningServer;
let stateless: http.Server;
let statelessUrl = '';

beforeAll(async () => {
  mock = await createNodeMock({ log: () => {} });
  server = await startServer({ mock, port: 0 });
  // A target that answers every request "200 OK" with no body: reachable, but documents nothing.
  stateless = http.createServer((_req, res) => res.writeHead(200, { 'content-length': '0' }).end());
  await new Promise<void>((resolve) => stateless.listen(0, '127.0.0.1', resolve));
  statelessUrl = `http://127.0.0.1:${(stateless.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server.close();
  await mock.close();
  stateless.close();
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts) => void out.push(parts.join(' ')));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    return { code: await main(['conformance', ...args]), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

const target = (endpoint: string) => ['--endpoint', endpoint, '--bucket', 'test-1250000000', '--region', 'ap-guangzhou', '--seed', '3'];

describe('fileproc conformance', () => {
  it('exits 0 when the selected rules hold, and writes the reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fileproc-conf-'));
    const { code, out } = await run([...target(server.url), '--only', 'submit-response-shape,job-id-format', '--report', `junit=${dir}/j.xml,json=${dir}/r.jsonl,md=${dir}/r.md`]);
    expect(code, out).toBe(0);
    expect(out).toContain('2 passed, 0 failed, 0 skipped');
    expect(readFileSync(join(dir, 'r.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toContain('name="job-id-format"');
  });

  it('exits 1 with rule id, spec pointer and replay when a rule fails', async () => {
    const { code, out } = await run([...target(statelessUrl), '--only', 'submit-response-shape']);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ submit-response-shape[\s\S]*spec:\s+spec\/cos-ci\/paths\/jobs.yaml#post[\s\S]*replay:\s+npx fileproc conformance --endpoint http:\/\/127.0.0.1:\d+ --bucket test-1250000000 --region ap-guangzhou --only submit-response-shape --seed 3/);
  });

  it('exits 2 for an unreachable target, unknown rules and bad flags', async () => {
    expect((await run(target('http://127.0.0.1:1'))).code).toBe(2);
    expect((await run([...target(server.url), '--only', 'no-such-rule'])).code).toBe(2);
    expect((await run(['--bucket', 'b'])).code).toBe(2);
  });
});
