/**
 * An ordered, bounded hand-over between an archive producer (reads sources, starts compression)
 * and the consumer (the store's streaming put). Items are emitted strictly in push order; the
 * producer is held back once `maxPendingBytes` of input are in flight, which bounds memory.
 */

/** A piece of output: bytes still being computed, or bytes computed once every earlier byte is out (gets that position). */
export type OutputItem = Promise<Uint8Array> | Uint8Array | ((position: number) => Uint8Array);

/** What a producer gets: `push` waits while the look-ahead is full. */
export type Push = (item: OutputItem, weight?: number) => Promise<void>;

interface Slot { item: OutputItem; weight: number }

/** Runs `produce` and yields its items in order; a producer error ends the stream with that error. */
export async function* orderedOutput(produce: (push: Push) => Promise<void>, maxPendingBytes: number): AsyncGenerator<Uint8Array> {
  const queue: Slot[] = [];
  let pending = 0;
  let finished = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  let stopped = false;

  const push: Push = async (item, weight = 0) => {
    if (stopped) throw new Error('[fileproc] archive output was abandoned by its reader');
    // Rejections are re-raised when the consumer awaits the item; silence the early-warning path.
    if (item instanceof Promise) item.catch(() => undefined);
    queue.push({ item, weight });
    pending += weight;
    wakeConsumer?.();
    while (pending > maxPendingBytes && !stopped) await new Promise<void>((resolve) => (wakeProducer = resolve));
  };

  const producer = produce(push).then(
    () => void (finished = true),
    (error: unknown) => void (failure = { error }),
  ).finally(() => wakeConsumer?.());

  let position = 0;
  try {
    for (;;) {
      const slot = queue.shift();
      if (!slot) {
        if (failure) throw failure.error;
        if (finished) break;
        await new Promise<void>((resolve) => (wakeConsumer = resolve));
        wakeConsumer = undefined;
        continue;
      }
      const bytes = typeof slot.item === 'function' ? slot.item(position) : await slot.item;
      pending -= slot.weight;
      wakeProducer?.();
      position += bytes.byteLength;
      if (bytes.byteLength > 0) yield bytes;
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await producer;
  }
}
