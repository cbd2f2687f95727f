/**
 * `npm run mock:proxy`: `prism proxy` (port 4010) in front of `fileproc serve` (port 9000), both on
 * 127.0.0.1. Prism checks routing, methods, path/query parameters and the presence of
 * `Authorization` against the spec and forwards to the stateful mock; it cannot check XML bodies
 * (mocks/README.md "Prism"). Flags: --port N (Prism), --mock-port N (the mock), --errors (Prism
 * answers violations itself instead of only reporting them in `sl-violations`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createNodeMock } from '../adapters/node-mock.ts';
import { startServer } from '../adapters/node-server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4010' }, 'mock-port': { type: 'string', default: '9000' }, errors: { type: 'boolean' } },
});
const spec = fileURLToPath(new URL('../../generated/cos-ci.bundled.yaml', import.meta.url));
const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

const mock = await createNodeMock();
const server = await startServer({ mock, port: Number(values['mock-port']) });
console.log(`[fileproc] mock listening on ${server.url}; starting prism proxy on http://127.0.0.1:${values.port}`);
const prism = spawn(process.execPath, [prismBin, 'proxy', '-h', '127.0.0.1', '-p', values.port, ...(values.errors ? ['--errors'] : []), spec, server.url], { stdio: 'inherit' });

const stop = async () => {
  prism.kill('SIGTERM');
  await server.close();
  await mock.close();
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
prism.once('exit', (code) => {
  void stop().then(() => { process.exitCode = code ?? 0; });
});
