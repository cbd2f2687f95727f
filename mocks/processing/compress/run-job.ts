import type { ProcessOutcome } from '../types.ts';
import { SizeMismatchError } from './archive-member.ts';
import { CompressAbort } from './failure.ts';

/** Runs a job body and turns every way it can end into a ProcessOutcome; nothing escapes as a throw. */
export async function runCompressJob<R>(body: () => Promise<R>): Promise<ProcessOutcome<R>> {
  try {
    return { ok: true, result: await body() };
  } catch (error) {
    if (error instanceof CompressAbort) return { ok: false, failure: { Code: error.code, Message: error.message } };
    if (error instanceof SizeMismatchError) return { ok: false, failure: { Code: 'SourceChanged', Message: error.message } };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { Code: 'InternalError', Message: detail.startsWith('[fileproc]') ? detail : `[fileproc] packing failed: ${detail}` } };
  }
}
