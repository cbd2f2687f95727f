import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = new URL('./fileproc.js', import.meta.url).pathname;
const children = new Set<ChildProcess>();
afterAll(() => { for (const child of children) child.kill('SIGKILL'); });

/** Starts `fileproc serve` and resolves with its URL once it printed the listening line. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\[fileproc\] listening on (http:\/\/\S+) \(/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`fileproc serve exited with ${code}: ${output}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function submitHash(url: string, key: string): Promise<string> {
  const body = `<Request><Tag>FileHashCode</Tag><Input><Object>${key}</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>`;
  const text = await (await fetch(`${url}/file_jobs`, { method: 'POST', body })).text();
  const id = /<JobId>(\w+)<\/JobId>/.exec(text)?.[1];
  if (!id) throw new Error(`submit failed: ${text}`);
  return id;
}

async function jobState(url: string, id: string): Promise<{ state: string; code: string; xml: string }> {
  const xml = await (await fetch(`${url}/file_jobs/${id}`)).text();
  return { state: /<State>(\w+)<\/State>/.exec(xml)?.[1] ?? '', code: /<Code>(\w+)<\/Code>/.exec(xml)?.[1] ?? '', xml };
}

async function waitForState(url: string, id: string, state: string): Promise<string> {
  // Generous bound: CI machines can be slow; the loop ends as soon as the state is reached.
  for (let i = 0; i < 800; i++) {
    const now = await jobState(url, id);
    if (now.state === state) return now.xml;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} never reached ${state}`);
}

const admin = (url: string, path: string, body: unknown) =>
  fetch(`${url}/__fileproc/${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('fileproc serve', () => {
  it('rejects bad arguments with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--clock', 'sometimes'], { stdio: 'ignore' });
    expect(await exited(child)).toBe(2);
  });

  it('keeps objects and jobs across kill -9 with --data-dir; Running jobs end Failed InternalError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fileproc-serve-'));
    try {
      const first = await serve(['--data-dir', dir, '--seed', '7']);
      expect(first.output()).toContain(`store dir ${dir}`);
      const u = first.url;
      expect((await fetch(`${u}/a.txt`, { method: 'PUT', body: 'alpha' })).status).toBe(200);
      expect((await fetch(`${u}/b.txt`, { method: 'PUT', body: 'bravo!' })).status).toBe(200);
      const done = await submitHash(u, 'a.txt');
      await waitForState(u, done, 'Success');
      await admin(u, 'timing', { startLatencyMs: [0, 0], baseDurationMs: { FileHashCode: 600_000, FileCompress: 600_000, FileUncompress: 600_000 }, maxDurationMs: 600_000 });
      const running = await submitHash(u, 'b.txt');
      await waitForState(u, running, 'Running');
      await admin(u, 'timing', { startLatencyMs: [600_000, 600_000] });
      const queued = await submitHash(u, 'b.txt'); // acknowledged, then killed at once
      first.child.kill('SIGKILL');
      await exited(first.child);

      const second = await serve(['--data-dir', dir, '--seed', '7']);
      const v = second.url;
      expect(await (await fetch(`${v}/a.txt`)).text()).toBe('alpha');
      expect(await (await fetch(`${v}/b.txt`)).text()).toBe('bravo!');
      const finished = await jobState(v, done);
      expect(finished).toMatchObject({ state: 'Success', code: 'Success' });
      expect(finished.xml).toContain('<MD5>2c1743a391305fbf367df8e4f069f9f9</MD5>');
      expect(await jobState(v, running)).toMatchObject({ state: 'Failed', code: 'InternalError' });
      expect((await jobState(v, queued)).state).toBe('Submitted');
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
      expect(second.output()).toContain('SIGTERM: shutting down');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
