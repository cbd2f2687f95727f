/** Node's processors: node:crypto hashing, node:zlib deflate (parallel blocks) and gunzip. */
import { createNodeBackend } from './compress/node-backend.node.ts';
import { nodeHashFactory } from './hash/node-hash.node.ts';
import type { Processors } from './platform.ts';
import { nodeCodecs } from './uncompress/codecs.node.ts';

/** The Node fast paths behind the `Processors` interfaces (tests prove they match the web ones). */
export function createNodeProcessors(): Processors {
  return {
    hash: nodeHashFactory,
    compress: { backend: createNodeBackend() },
    uncompress: { codecs: nodeCodecs },
  };
}
