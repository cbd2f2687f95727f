import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxyCommand } from './proxy-command.ts';
import { serveCommand } from './serve-command.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fileproc proxy / serve --fault arguments', () => {
  it('proxy: a missing or non-origin --upstream and a bad --port are usage errors (exit 2)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await proxyCommand([])).toBe(2);
    expect(await proxyCommand(['--upstream', 'ftp://x'])).toBe(2);
    expect(await proxyCommand(['--upstream', 'http://127.0.0.1:9000/path'])).toBe(2);
    expect(await proxyCommand(['--upstream', 'http://127.0.0.1:9000', '--port', '70000'])).toBe(2);
    expect(await proxyCommand(['--nope'])).toBe(2);
    expect(errors.mock.calls.map((call) => String(call[0])).every((line) => line.startsWith('[fileproc]'))).toBe(true);
  });

  it('proxy --help prints the usage (exit 0)', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await proxyCommand(['--help'])).toBe(0);
    expect(String(out.mock.calls[0]?.[0])).toContain('x-fileproc-violations');
  });

  it('serve: an unknown --fault is a usage error naming the known faults', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await serveCommand(['--fault', 'missing-request-id', '--fault', 'no-such-fault'])).toBe(2);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/--fault "no-such-fault" is not a known fault; known: missing-request-id/);
  });
});
