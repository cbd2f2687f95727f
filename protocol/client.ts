/**
 * The typed client of both specs (`spec/cos-ci`, `spec/jdcloud`): one method per operation, each
 * returning the whole exchange (`status`, `headers`, raw body, `value` decoded and validated,
 * `error` for `<Error>` bodies). XML goes through the codec; requests are signed (reference §6.1)
 * when credentials are given. Browser-safe; the transport is injectable (`fetch`).
 *
 *   const client = createClient({ endpoint: 'http://127.0.0.1:9000', bucket: 'b-1250000000', region: 'ap-guangzhou' });
 *   const { value } = await client.submitJob({ Tag: 'FileHashCode', ... });
 */
import { jobOperations } from './client/jobs.ts';
import { objectOperations } from './client/objects.ts';
import { createSend, type Send } from './client/send.ts';
import type { ClientOptions } from './client/types.ts';

export type { Addressing, ClientOptions, Exchange, ErrorBody, RawRequest, SentRequest, Side, Transport } from './client/types.ts';
export type { ListJobsQuery, ListQueuesQuery, ListFileBucketsQuery } from './client/jobs.ts';
export type { ListObjectsQuery, JdCompressHeaders } from './client/objects.ts';
export { virtualHost, encodePath } from './client/send.ts';

/** A client: every operation, plus `send` for hand-made (e.g. deliberately invalid) requests. */
export type Client = ReturnType<typeof jobOperations> & ReturnType<typeof objectOperations> & {
  /** Sends any request through the same addressing, signing and decoding as the operations. */
  send: Send;
  /** The options the client was made with (without the transport). */
  readonly options: Readonly<Omit<ClientOptions, 'fetch'>>;
};

/** Creates a client for one bucket of one target. */
export function createClient(options: ClientOptions): Client {
  const send = createSend(options);
  const { fetch: _transport, ...rest } = options;
  return { ...jobOperations(send), ...objectOperations(send), send, options: rest };
}
