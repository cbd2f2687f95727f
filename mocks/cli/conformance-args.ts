/**
 * Flags of `fileproc conformance` → a `Target` and run options (pure; tested without a process).
 */
import { parseArgs } from 'node:util';
import type { NodeRunOptions } from '../../conformance/node.ts';
import type { SkipEntry, Target } from '../../conformance/target.ts';

/** The usage text. */
export const CONFORMANCE_HELP = `Usage: fileproc conformance --endpoint URL --bucket B --region R [options]

  --endpoint URL          CI endpoint of the implementation under test
  --cos-endpoint URL      COS endpoint (objects, sync hash, zip preview, JD); default --endpoint
  --bucket NAME-APPID     bucket the suite may create and delete objects in
  --region REGION         e.g. ap-guangzhou
  --secret-id ID          with --secret-key: sign every request (and run the auth rules)
  --secret-key KEY
  --addressing MODE       path (default) | virtual-host (Host header) | proxy (absolute-form)
  --second-bucket NAME-APPID  a second bucket of the same account: jobs must stay with their own
                          bucket (rule jobs-scoped-by-bucket; skipped without it)
  --second-endpoint URL   that bucket's CI endpoint (path addressing; default --endpoint)
  --profile quick|full    quick (default, <= 60 s on the local mock) or full
  --seed N                fast-check seed (default: env FC_SEED, else random; printed)
  --runs N                runs per property (default 5 quick, 100 full)
  --only RULE,...         run just these rules
  --skip RULE[=REASON],...  do not run these (reason shown in the reports)
  --report junit=FILE,json=FILE,md=FILE   write reports
  --callback-url URL      public URL the target can call back (callback rules are then skipped:
                          the suite cannot read deliveries there)
  --receiver-host HOST    address the target reaches this machine at (default 127.0.0.1)

Exit code: 0 every selected rule holds, 1 a rule failed, 2 usage error or target unreachable,
130 interrupted (Ctrl-C; the objects created so far are deleted first).`;

const options = {
  endpoint: { type: 'string' }, 'cos-endpoint': { type: 'string' }, bucket: { type: 'string' }, region: { type: 'string' },
  'secret-id': { type: 'string' }, 'secret-key': { type: 'string' }, addressing: { type: 'string', default: 'path' },
  profile: { type: 'string', default: 'quick' }, seed: { type: 'string' }, runs: { type: 'string' },
  only: { type: 'string' }, skip: { type: 'string' }, report: { type: 'string' },
  'callback-url': { type: 'string' }, 'receiver-host': { type: 'string' }, help: { type: 'boolean' },
  'second-bucket': { type: 'string' }, 'second-endpoint': { type: 'string' },
} as const;

/** Parsed flags ready to run. */
export interface ParsedConformance { target: Target; options: NodeRunOptions; reports: Array<[string, string]> }

const list = (text: string | undefined) => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);

function replayCommand(args: string[]): (ruleId: string, seed: number) => string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] as string).split(/=(.*)/s, 2) as [string, string | undefined];
    const takesValue = flag.startsWith('--') && inline === undefined && flag !== '--help';
    const value = takesValue ? args[++i] : inline;
    if (['--only', '--seed', '--report', '--skip'].includes(flag)) continue;
    kept.push(flag === '--secret-key' ? `${flag} "$SECRET_KEY"` : value === undefined ? flag : `${flag} ${value}`);
  }
  return (ruleId, seed) => ['npx fileproc conformance', ...kept, `--only ${ruleId} --seed ${seed}`].join(' ');
}

/** Parses the flags; `help` for --help, `error` (a usage message) for anything wrong. */
export function parseConformanceArgs(args: string[], envSeed?: string): ParsedConformance | { help: string } | { error: string } {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];
  try {
    values = parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    return { error: `[fileproc] ${(error as Error).message}\n${CONFORMANCE_HELP}` };
  }
  if (values.help) return { help: CONFORMANCE_HELP };
  const problems: string[] = [];
  for (const flag of ['endpoint', 'bucket', 'region'] as const) if (!values[flag]) problems.push(`--${flag} is required`);
  for (const flag of ['endpoint', 'cos-endpoint', 'callback-url', 'second-endpoint'] as const) {
    if (values[flag] !== undefined && !URL.canParse(values[flag])) problems.push(`--${flag} must be a URL, got "${values[flag]}"`);
  }
  if (!['path', 'virtual-host', 'proxy'].includes(values.addressing)) problems.push(`--addressing must be path, virtual-host or proxy, got "${values.addressing}"`);
  if (!['quick', 'full'].includes(values.profile)) problems.push(`--profile must be quick or full, got "${values.profile}"`);
  const seedText = values.seed ?? envSeed;
  if (seedText !== undefined && !/^-?\d+$/.test(seedText)) problems.push(`--seed (or FC_SEED) must be an integer, got "${seedText}"`);
  if (values.runs !== undefined && !/^[1-9]\d*$/.test(values.runs)) problems.push(`--runs must be a positive integer, got "${values.runs}"`);
  if ((values['secret-id'] === undefined) !== (values['secret-key'] === undefined)) problems.push('--secret-id and --secret-key go together');
  if (values['second-endpoint'] !== undefined && values['second-bucket'] === undefined) problems.push('--second-endpoint needs --second-bucket');
  const reports: Array<[string, string]> = [];
  for (const item of list(values.report)) {
    const [kind, file] = item.split('=', 2);
    if (!kind || !file || !['junit', 'json', 'md'].includes(kind)) problems.push(`--report entries are junit=FILE, json=FILE or md=FILE, got "${item}"`);
    else reports.push([kind, file]);
  }
  if (problems.length > 0) return { error: `[fileproc] ${problems.join('; ')}\n${CONFORMANCE_HELP}` };
  const skip: SkipEntry[] = list(values.skip).map((item) => {
    const [rule, reason] = item.split('=', 2) as [string, string | undefined];
    return { rule, reason: reason || 'skipped with --skip' };
  });
  const target: Target = {
    endpoint: values.endpoint as string, bucket: values.bucket as string, region: values.region as string,
    addressing: values.addressing as Target['addressing'],
    ...(values['cos-endpoint'] ? { cosEndpoint: values['cos-endpoint'] } : {}),
    ...(values['secret-id'] ? { credentials: { secretId: values['secret-id'], secretKey: values['secret-key'] as string } } : {}),
    ...(values['callback-url'] ? { callbackUrl: values['callback-url'] } : {}),
    ...(values['second-bucket'] ? { secondBucket: { bucket: values['second-bucket'], ...(values['second-endpoint'] ? { endpoint: values['second-endpoint'] } : {}) } } : {}),
  };
  const runOptions: NodeRunOptions = {
    profile: values.profile as 'quick' | 'full', skip, replay: replayCommand(args),
    ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
    ...(values.runs !== undefined ? { runs: Number(values.runs) } : {}),
    ...(values.only !== undefined ? { only: list(values.only) } : {}),
    ...(values['receiver-host'] ? { receiverHost: values['receiver-host'] } : {}),
  };
  return { target, options: runOptions, reports };
}
