import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { webHashFactory } from '../processing/hash/web-hash.ts';
import type { ObjectStore } from '../store/types.ts';
import { COS, call, expectError, testMock, upload } from './test-support.ts';

/** A store whose reads fail, as a broken disk would. */
function failingReads(): ObjectStore {
  const store = new MemoryStore({ now: () => 0, hash: webHashFactory });
  return {
    head: async () => {
      throw new Error('disk on fire');
    },
    get: (...args) => store.get(...args),
    put: (...args) => store.put(...args),
    delete: (...args) => store.delete(...args),
    list: (...args) => store.list(...args),
    updateUserMeta: (...args) => store.updateUserMeta(...args),
  };
}

describe('unexpected failures', () => {
  it('answers a thrown bug with a logged 500 InternalError body and keeps serving', async () => {
    const logged: unknown[] = [];
    const mock = testMock({ store: failingReads(), log: (level, message, detail) => logged.push([level, message, detail]) });
    const error = await expectError(await call(mock, `${COS}/a.txt`), 500, 'InternalError', 'cos');
    expect(error.Message).not.toContain('disk on fire');
    expect(logged).toEqual([['error', expect.stringContaining('GET'), expect.objectContaining({ message: 'disk on fire' })]]);
    await upload(mock, 'b.txt', 'still serving');
  });
});
