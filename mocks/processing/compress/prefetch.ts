/**
 * Read-ahead across sources: while one member is packed, the next source is already opened, and
 * its first chunk is requested as soon as the current body has delivered its last byte. With many
 * small objects this hides the open + first read of each file (a file system round trip each) behind
 * the previous member, without reading further ahead than a single member's own read-ahead would.
 */
import type { ObjectReadable } from '../../store/types.ts';

/** A body whose first chunk can be requested early; `close` releases it when it is never read. */
export interface PrimedBody extends AsyncIterable<Uint8Array> {
  prime(): void;
  close(): Promise<void>;
}

/** The outcome of opening a source ahead of time: captured, so an early failure is raised in order. */
export type Opened = { object: (ObjectReadable & { body: PrimedBody }) | undefined } | { error: unknown };

/** Starts `get` now; the promise never rejects (see `Opened`). */
export function openAhead(get: () => Promise<ObjectReadable | undefined>): Promise<Opened> {
  return get().then(
    (object) => ({ object: object && { meta: object.meta, body: primed(object.body) } }),
    (error: unknown) => ({ error }),
  );
}

/** Releases an opened source that will not be packed (the job failed or was cancelled). */
export async function closeOpened(opened: Promise<Opened> | undefined): Promise<void> {
  const settled = await opened;
  if (settled && 'object' in settled) await settled.object?.body.close();
}

function primed(body: AsyncIterable<Uint8Array>): PrimedBody {
  const iterator = body[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<Uint8Array>> | undefined;
  let started = false;
  const finish = async (): Promise<IteratorResult<Uint8Array>> => {
    await first?.catch(() => undefined);
    return (await iterator.return?.()) ?? { done: true, value: undefined };
  };
  return {
    prime() {
      if (started) return;
      started = true;
      first = iterator.next();
      first.catch(() => undefined); // raised when the member reads it
    },
    async close() {
      await finish();
    },
    [Symbol.asyncIterator]: () => ({
      next: () => {
        started = true;
        const early = first;
        first = undefined;
        return early ?? iterator.next();
      },
      return: finish,
    }),
  };
}
