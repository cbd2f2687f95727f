/**
 * FileCompress round trips (reference §2.2, §3.4): pack uploaded sources, download the archive and
 * compare its members (name and bytes) with what the documented naming rule says they must be.
 */
import { fileMap, readArchive } from '../archives/read.ts';
import type { ArchiveFormat } from '../archives/types.ts';
import type { CosCiSchemas } from '../../protocol/codec.ts';
import type { RuleContext } from '../rule.ts';
import type { JobsDetail } from './jobs.ts';
import { compressRequest, download, expectSuccess, resultOf, runJob } from './processing.ts';

type Config = Partial<CosCiSchemas['FileCompressConfig']>;

/** What a finished compress job produced: its detail and the archive members as sorted `name → hex`. */
export interface CompressOutcome { detail: JobsDetail; members: Array<[string, string]> }

const byName = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs a FileCompress job that must succeed, downloads the archive at `outputKey` and reads it. */
export async function compressAndRead(ctx: RuleContext, config: Config, outputKey: string, password?: string): Promise<CompressOutcome> {
  const detail = await runJob(ctx, compressRequest(ctx, config, outputKey));
  expectSuccess(ctx, detail, `FileCompress ${config.Format ?? 'zip'} Flatten ${config.Flatten ?? '0'}`);
  const result = ctx.check.present(resultOf(detail, 'FileCompressResult'), 'Operation.FileCompressResult on a Success job (§3.4)', () => JSON.stringify(detail.Operation));
  ctx.check.equal(result.Object, outputKey, 'FileCompressResult.Object (the Output.Object written, §3.4)');
  const format = (config.Format ?? 'zip') as ArchiveFormat;
  let entries;
  try {
    entries = await readArchive(await download(ctx, outputKey), format, password === undefined ? {} : { password });
  } catch (error) {
    return ctx.check.fail(`the object at Output.Object is a readable ${format} archive (§2.2)`, `unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { detail, members: [...fileMap(entries)].sort(byName) };
}

/** Compares archive members with the expected `name → hex` list and checks CompressFileCount (§3.4). */
export function expectMembers(ctx: RuleContext, outcome: CompressOutcome, expected: Array<[string, string]>, what: string): void {
  ctx.check.equal(outcome.members, [...expected].sort(byName), `${what}: archive members [name, bytes as hex]`);
  const count = resultOf(outcome.detail, 'FileCompressResult')?.CompressFileCount;
  ctx.check.equal(count, expected.length, `${what}: FileCompressResult.CompressFileCount (files packed, §3.4, §9.15)`);
}
