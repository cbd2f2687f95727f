/**
 * `fileproc serve`: the stateful mock on node:http. Argument parsing and process signals only;
 * the composition is `mocks/adapters/node-mock.ts`, the server `mocks/adapters/node-server.ts`.
 */
import { parseArgs } from 'node:util';
import { createNodeMock } from '../adapters/node-mock.ts';
import { startServer } from '../adapters/node-server.ts';
import { FAULT_NAMES } from '../faults/catalogue.ts';

const help = `Usage: fileproc serve [options]

  --host HOST          address to listen on (default 127.0.0.1)
  --port N             port (default 9000; 0 picks a free one)
  --data-dir DIR       keep objects and jobs in DIR across restarts (default: in memory)
  --bucket NAME-APPID  bucket for hosts that name none (default test-1250000000)
  --region REGION      region of that bucket (default ap-guangzhou)
  --secret-id ID       with --secret-key: verify every request's COS signature
  --secret-key KEY
  --clock real|virtual virtual: time moves only via POST /__fileproc/clock/advance (default real)
  --seed N             seed ids and timing jitter (reproducible runs)
  --fault NAME         switch a named fault on (repeatable; catalogue: mocks/faults/README.md)
  --write-each         write every answer as soon as it is ready instead of batching the
                       answers of one event-loop turn (mocks/adapters/write-batch.ts)

Prints "[fileproc] listening on <url> (…)" when ready; SIGINT/SIGTERM shut it down gracefully.`;

const options = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '9000' },
  'data-dir': { type: 'string' },
  bucket: { type: 'string', default: 'test-1250000000' },
  region: { type: 'string', default: 'ap-guangzhou' },
  'secret-id': { type: 'string' },
  'secret-key': { type: 'string' },
  clock: { type: 'string', default: 'real' },
  seed: { type: 'string' },
  fault: { type: 'string', multiple: true },
  'write-each': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];

function problems(values: Parsed): string[] {
  const found: string[] = [];
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) found.push(`--port must be 0..65535, got "${values.port}"`);
  if (values.clock !== 'real' && values.clock !== 'virtual') found.push(`--clock must be real or virtual, got "${values.clock}"`);
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) found.push(`--seed must be an integer, got "${values.seed}"`);
  if ((values['secret-id'] === undefined) !== (values['secret-key'] === undefined)) found.push('--secret-id and --secret-key go together');
  if (!/^[a-z0-9-]+-\d+$/.test(values.bucket)) found.push(`--bucket must look like name-appid (e.g. test-1250000000), got "${values.bucket}"`);
  for (const name of values.fault ?? []) if (!FAULT_NAMES.includes(name)) found.push(`--fault "${name}" is not a known fault; known: ${FAULT_NAMES.join(', ')}`);
  return found;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Runs the server until SIGINT/SIGTERM; exit code 0 after a clean shutdown, 2 on bad arguments. */
export async function serveCommand(args: string[]): Promise<number> {
  let values: Parsed;
  try {
    values = parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    console.error(`[fileproc] ${(error as Error).message}\n${help}`);
    return 2;
  }
  if (values.help) {
    console.log(help);
    return 0;
  }
  const found = problems(values);
  if (found.length > 0) {
    console.error(`[fileproc] ${found.join('; ')}\n${help}`);
    return 2;
  }
  const id = values['secret-id'];
  const key = values['secret-key'];
  const mock = await createNodeMock({
    bucket: values.bucket,
    region: values.region,
    clockMode: values.clock as 'real' | 'virtual',
    ...(values['data-dir'] !== undefined && { dataDir: values['data-dir'] }),
    ...(values.seed !== undefined && { seed: Number(values.seed) }),
    ...(values.fault !== undefined && { faults: values.fault }),
    ...(id !== undefined && key !== undefined && { keys: { [id]: key } }),
  });
  const server = await startServer({ mock, host: values.host, port: Number(values.port), batchWrites: !values['write-each'] });
  const store = values['data-dir'] === undefined ? 'memory' : `dir ${values['data-dir']}`;
  const auth = (id === undefined ? '' : ', signatures verified') + (values.fault ? `, faults ${values.fault.join(', ')}` : '');
  console.log(`[fileproc] listening on ${server.url} (bucket ${values.bucket}, region ${values.region}, clock ${values.clock}, store ${store}${auth})`);
  const signal = await waitForSignal();
  console.log(`[fileproc] ${signal}: shutting down`);
  await server.close();
  await mock.close();
  return 0;
}
