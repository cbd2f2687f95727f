import { describe, expect, it } from 'vitest';
import { parseConformanceArgs } from './conformance-args.ts';

const required = ['--endpoint', 'http://127.0.0.1:9000', '--bucket', 'b-1250000000', '--region', 'ap-guangzhou'];

describe('fileproc conformance flags', () => {
  it('builds the target and run options from every flag', () => {
    const parsed = parseConformanceArgs([...required, '--cos-endpoint', 'http://127.0.0.1:9001', '--secret-id', 'AK', '--secret-key', 'SK',
      '--addressing', 'virtual-host', '--profile', 'full', '--seed', '7', '--runs', '30', '--only', 'a,b', '--skip', 'c=vendor gap,d',
      '--report', 'junit=out/j.xml,md=out/r.md', '--receiver-host', '10.0.0.2']);
    if (!('target' in parsed)) throw new Error(JSON.stringify(parsed));
    expect(parsed.target).toEqual({ endpoint: 'http://127.0.0.1:9000', cosEndpoint: 'http://127.0.0.1:9001', bucket: 'b-1250000000', region: 'ap-guangzhou',
      addressing: 'virtual-host', credentials: { secretId: 'AK', secretKey: 'SK' } });
    expect(parsed.options).toMatchObject({ profile: 'full', seed: 7, runs: 30, only: ['a', 'b'], receiverHost: '10.0.0.2',
      skip: [{ rule: 'c', reason: 'vendor gap' }, { rule: 'd', reason: 'skipped with --skip' }] });
    expect(parsed.reports).toEqual([['junit', 'out/j.xml'], ['md', 'out/r.md']]);
    // The replay keeps the target flags, hides the secret, and replaces selection and seed.
    expect(parsed.options.replay?.('x', 9)).toBe('npx fileproc conformance --endpoint http://127.0.0.1:9000 --bucket b-1250000000 --region ap-guangzhou '
      + '--cos-endpoint http://127.0.0.1:9001 --secret-id AK --secret-key "$SECRET_KEY" --addressing virtual-host --profile full --runs 30 --receiver-host 10.0.0.2 --only x --seed 9');
  });

  it('takes a second bucket (and its endpoint for path addressing) for jobs-scoped-by-bucket', () => {
    const parsed = parseConformanceArgs([...required, '--second-bucket', 'c-1250000000', '--second-endpoint', 'http://127.0.0.1:9002']);
    expect('target' in parsed && parsed.target.secondBucket).toEqual({ bucket: 'c-1250000000', endpoint: 'http://127.0.0.1:9002' });
  });

  it('takes the seed from FC_SEED when --seed is absent', () => {
    const parsed = parseConformanceArgs(required, '123');
    expect('options' in parsed && parsed.options.seed).toBe(123);
  });

  it.each([
    [[], /--endpoint is required/],
    [[...required, '--profile', 'slow'], /--profile must be quick or full/],
    [[...required, '--seed', 'x'], /--seed/],
    [[...required, '--secret-id', 'AK'], /go together/],
    [[...required, '--report', 'html=x'], /--report entries/],
    [[...required, '--addressing', 'dns'], /--addressing/],
    [[...required, '--bogus'], /Unknown option/],
    [[...required, '--second-endpoint', 'http://127.0.0.1:9002'], /--second-endpoint needs --second-bucket/],
    [[...required, '--second-bucket', 'c-1', '--second-endpoint', 'not a url'], /--second-endpoint must be a URL/],
  ])('rejects %j', (args, message) => {
    const parsed = parseConformanceArgs(args as string[]);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});
