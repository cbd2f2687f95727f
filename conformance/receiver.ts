/**
 * The callback receiver interface (reference §4, §7.3): rules read deliveries through it, whether
 * they come from the local Node receiver (`receiver.node.ts`) or a user-supplied reader.
 */

/** One HTTP request the receiver got. */
export interface ReceivedCallback {
  method: string;
  /** Path and query as received (`/cb/<token>?x=1`). */
  path: string;
  /** Header names lower-case. */
  headers: Record<string, string>;
  body: string;
  /** Host clock ms when it arrived. */
  receivedAt: number;
}

/** Where callbacks go, and what arrived there. */
export interface CallbackReceiver {
  /** Base URL for callbacks; rules append a unique path per job (`${url}/${token}`). */
  readonly url: string;
  /** Every request received so far, oldest first. */
  received(): Promise<ReceivedCallback[]>;
  /** Resolves with the first request (already received or arriving later) matching; rejects after `timeoutMs`. */
  waitFor(predicate: (callback: ReceivedCallback) => boolean, timeoutMs: number): Promise<ReceivedCallback>;
  close(): Promise<void>;
}

/** A receiver over a user's public URL and a function reading its deliveries (polls every 250 ms). */
export function pollingReceiver(url: string, read: () => Promise<ReceivedCallback[]>, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): CallbackReceiver {
  return {
    url: url.replace(/\/$/, ''),
    received: read,
    async waitFor(predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = (await read()).find(predicate);
        if (hit) return hit;
        if (Date.now() >= deadline) throw new Error(`[fileproc] no matching callback within ${timeoutMs} ms`);
        await sleep(250);
      }
    },
    close: async () => {},
  };
}
