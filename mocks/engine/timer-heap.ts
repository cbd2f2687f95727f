/** One waiting timer; `seq` breaks ties so equal times run in the order they were set. */
export interface HeapTimer { at: number; seq: number; fn: () => void }

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A binary min-heap of timers ordered by (at, seq); removal is lazy (see `VirtualClock`). */
export class TimerHeap {
  readonly #items: HeapTimer[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The earliest timer without removing it. */
  peek(): HeapTimer | undefined {
    return this.#items[0];
  }

  /** Adds a timer. */
  push(timer: HeapTimer): void {
    const items = this.#items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as HeapTimer, items[parent] as HeapTimer)) break;
      [items[i], items[parent]] = [items[parent] as HeapTimer, items[i] as HeapTimer];
      i = parent;
    }
  }

  /** Drops every timer `keep` refuses and restores the heap order (O(n)). */
  retain(keep: (timer: HeapTimer) => boolean): void {
    const items = this.#items;
    // Sorted by (at, seq) is a valid min-heap.
    const kept = items.filter(keep).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    items.length = kept.length;
    for (let i = 0; i < kept.length; i++) items[i] = kept[i] as HeapTimer;
  }

  /** Removes and returns the earliest timer. */
  pop(): HeapTimer | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < items.length && before(items[l] as HeapTimer, items[least] as HeapTimer)) least = l;
      if (r < items.length && before(items[r] as HeapTimer, items[least] as HeapTimer)) least = r;
      if (least === i) break;
      [items[i], items[least]] = [items[least] as HeapTimer, items[i] as HeapTimer];
      i = least;
    }
    return top;
  }
}
