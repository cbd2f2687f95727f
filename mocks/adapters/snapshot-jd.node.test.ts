import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = new URL('../cli/fileproc.js', import.meta.url).pathname;
const children = new Set<ChildProcess>();
afterAll(() => { for (const child of children) child.kill('SIGKILL'); });

/** Starts `fileproc serve` on a virtual clock and resolves with its URL once it is listening. */
function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--clock', 'virtual', '--data-dir', dir, '--seed', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /\[fileproc\] listening on (http:\/\/\S+) \(/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`fileproc serve exited with ${code}: ${output}`)));
  });
}

const jdJobs = async (url: string): Promise<Array<{ state: string; key: string }>> =>
  ((await (await fetch(`${url}/__fileproc/state`)).json()) as { jdJobs: Array<{ state: string; key: string }> }).jdJobs;

describe('JD Compress requests with --data-dir', () => {
  it('an acknowledged request survives kill -9 and is built after the restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fileproc-jd-'));
    try {
      const first = await serve(dir);
      expect((await fetch(`${first.url}/__fileproc/objects/a.txt`, { method: 'PUT', body: 'alpha' })).status).toBe(200);
      const body = '<CompressRequest><Component><Key>a.txt</Key></Component></CompressRequest>';
      const accepted = await fetch(`${first.url}/out.zip?compress`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
      expect(accepted.status, await accepted.text()).toBe(200);
      expect(await jdJobs(first.url)).toEqual([expect.objectContaining({ state: 'Submitted', key: 'out.zip' })]);
      first.child.kill('SIGKILL'); // right after the acknowledgement: the snapshot was written before it
      await new Promise((resolve) => first.child.once('exit', resolve));

      const second = await serve(dir);
      expect(await jdJobs(second.url)).toEqual([expect.objectContaining({ state: 'Submitted', key: 'out.zip' })]);
      const advanced = await fetch(`${second.url}/__fileproc/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 1_000 }), headers: { 'content-type': 'application/json' } });
      expect(advanced.status).toBeLessThan(300);
      expect(await jdJobs(second.url)).toEqual([expect.objectContaining({ state: 'Success' })]);
      const zip = new Uint8Array(await (await fetch(`${second.url}/out.zip`)).arrayBuffer());
      expect(new TextDecoder().decode(unzipSync(zip)['a.txt'])).toBe('alpha');
      second.child.kill('SIGTERM');
      expect(await new Promise((resolve) => second.child.once('exit', resolve))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
