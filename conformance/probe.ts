/**
 * Reachability probe before a run: a target that does not answer HTTP at all is a usage problem
 * (exit 2), not a conformance failure. Any HTTP answer, even an error, counts as reachable.
 */
import type { Client } from '../protocol/client.ts';

/** `undefined` when the target answered; otherwise why it could not be reached. */
export async function probeTarget(client: Client, timeoutMs = 10_000): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  const attempt = client.listQueues().then(
    () => undefined,
    (error: unknown) => {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}`;
    },
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
