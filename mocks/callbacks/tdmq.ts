/**
 * In-memory TDMQ topics for `CallBackType=TDMQ` (§4.1): the mock has no message queue, so a
 * "published" callback is kept here for the admin API (`GET /__fileproc/tdmq/{name}`) and tests.
 */
import type { TdmqMessage } from './types.ts';

/** Address of a TDMQ topic or queue (`CallBackMqConfig` / queue NotifyConfig). */
export interface TdmqAddress { region: string; mode: string; name: string }

/** Topics keyed by `region/mode/name`, each a bounded list of messages (oldest dropped first). */
export class TdmqTopics {
  readonly #topics = new Map<string, TdmqMessage[]>();

  constructor(private readonly maxPerTopic = 10_000) {}

  /** The key a topic is stored under. */
  static key(address: TdmqAddress): string {
    return `${address.region}/${address.mode}/${address.name}`;
  }

  /** Appends a message to its topic. */
  publish(message: TdmqMessage): void {
    const key = TdmqTopics.key(message);
    let list = this.#topics.get(key);
    if (!list) this.#topics.set(key, (list = []));
    list.push(message);
    if (list.length > this.maxPerTopic) list.shift();
  }

  /** Messages of every topic named `name` (any region and mode unless given), oldest first. */
  messages(name: string, filter: Partial<Omit<TdmqAddress, 'name'>> = {}): TdmqMessage[] {
    const out: TdmqMessage[] = [];
    for (const list of this.#topics.values()) {
      for (const m of list) {
        if (m.name === name && (!filter.region || m.region === filter.region) && (!filter.mode || m.mode === filter.mode)) out.push({ ...m });
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /** Every topic key with its message count. */
  topics(): { topic: string; count: number }[] {
    return [...this.#topics].map(([topic, list]) => ({ topic, count: list.length }));
  }

  /** Forgets every message. */
  clear(): void {
    this.#topics.clear();
  }
}
