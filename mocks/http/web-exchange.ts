/**
 * Web `Request`/`Response` ⇄ the core's `RequestView`/`Reply` (`exchange.ts`). The fetch handler
 * uses the first pair; `Mock.handle` uses the second when a Web-level layer (the HTTP faults) has
 * to see the exchange as Web objects.
 */
import { chunksOf } from '../store/body.ts';
import { ReplyHeaders, type Reply, type RequestView } from './exchange.ts';

/** Reads a web stream chunk by chunk (browsers lack async iteration of ReadableStream in places). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
  } finally {
    reader.releaseLock();
  }
}

/** Wraps chunks as a web stream; cancelling it closes the source iterator (e.g. a store read). */
export function toWebStream(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The core's view of a Web Request (the body stays a stream until a handler reads it). */
export function fromWebRequest(request: Request): RequestView {
  return { method: request.method, url: request.url, headers: request.headers, body: request.body && streamChunks(request.body) };
}

/** A Web Request carrying the same method, URL, headers and body. */
export function toWebRequest(view: RequestView): Request {
  const headers: [string, string][] = [];
  view.headers.forEach((value, name) => headers.push([name, value]));
  const init: RequestInit & { duplex?: 'half' } = { method: view.method, headers };
  if (view.body instanceof Uint8Array) init.body = view.body as BodyInit;
  else if (view.body) {
    init.body = toWebStream(chunksOf(view.body));
    init.duplex = 'half';
  }
  return new Request(view.url, init);
}

/** The Web Response for a reply. */
export function toWebResponse(reply: Reply): Response {
  const { body } = reply;
  const init = { status: reply.status, headers: [...reply.headers.entries()] };
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return new Response(body as BodyInit | null, init);
  return new Response(toWebStream(body), init);
}

/** The reply a Web Response stands for (headers as `Headers` spelled them, the body streamed). */
export function fromWebResponse(response: Response): Reply {
  const headers = new ReplyHeaders();
  response.headers.forEach((value, name) => headers.set(name, value));
  return { status: response.status, headers, body: response.body && streamChunks(response.body) };
}

/** Answers a request view through a Web fetch function (a Web-level middleware in between). */
export async function replyViaFetch(fetch: (request: Request) => Promise<Response>, view: RequestView): Promise<Reply> {
  return fromWebResponse(await fetch(toWebRequest(view)));
}
