/** A store wrapper that remembers which buckets received objects, so `reset` can empty them. */
import type { ObjectStore } from '../store/types.ts';

/** Wraps `store`; every bucket written through it is added to `buckets`. */
export function trackBuckets(store: ObjectStore, buckets: Set<string>): ObjectStore {
  return {
    head: (bucket, key) => store.head(bucket, key),
    get: (bucket, key, range, options) => store.get(bucket, key, range, options),
    put: (bucket, key, body, options) => {
      buckets.add(bucket);
      return store.put(bucket, key, body, options);
    },
    delete: (bucket, key) => store.delete(bucket, key),
    list: (bucket, options) => store.list(bucket, options),
    updateUserMeta: (bucket, key, meta) => store.updateUserMeta(bucket, key, meta),
  };
}
