/**
 * MSW 2 handlers backed by the mock's fetch handler, for browsers (`setupWorker`) and Node
 * (`setupServer`). MSW scans its handler list linearly, so there is exactly one handler: the
 * mock's own route table (a map lookup) picks the operation, whatever the number of routes.
 * Browser-safe: real clock on setTimeout, web processors, callbacks over the page's fetch.
 */
import { http, type HttpHandler } from 'msw';
import { CallbackDeliverer } from '../callbacks/deliverer.ts';
import { createMock, type Mock, type MockOptions } from '../index.ts';
import { RealClock } from './real-clock.ts';

/** Hosts of the vendor APIs (§1.1, §7.1); requests to them always go to the mock. */
const VENDOR_HOST = /(^|\.)(myqcloud\.com|tencentcos\.cn|jdcloud-oss\.com|jcloudcs\.com)$/i;

/** Options of `createHandlers`; the `MockOptions` apply when no `mock` is given. */
export interface CreateHandlersOptions extends Omit<MockOptions, 'clock' | 'callbacks'> {
  /** An existing mock (`createMock()`); default a new one on the real clock. */
  mock?: Pick<Mock, 'fetch'>;
  /** Start the default mock on a virtual clock instead (advance it via the admin API). */
  virtualClock?: boolean;
  /** More origins the mock serves, e.g. `http://localhost:9000` (vendor hosts are always served). */
  origins?: string[];
  /** Serve every request MSW sees, whatever its origin. */
  all?: boolean;
}

/** The handlers, plus the mock they delegate to. */
export type FileprocHandlers = HttpHandler[] & { mock: Pick<Mock, 'fetch'> };

/** Builds the default browser-safe mock: real clock, callbacks over global fetch. */
function defaultMock(options: CreateHandlersOptions): Mock {
  const realClock = new RealClock();
  return createMock({
    ...options,
    clock: options.virtualClock ? 'virtual' : realClock,
    realClock,
    callbacks: ({ clock, log }) => new CallbackDeliverer({ clock, log: (line) => log('info', line) }),
  });
}

/** MSW handlers serving the COS CI / COS / JD Cloud API (and `/__fileproc/` admin) from the mock. */
export function createHandlers(options: CreateHandlersOptions = {}): FileprocHandlers {
  const mock = options.mock ?? defaultMock(options);
  const origins = new Set((options.origins ?? []).map((o) => new URL(o).origin));
  const served = (url: URL) => options.all === true || VENDOR_HOST.test(url.hostname) || origins.has(url.origin);
  const handler = http.all('*', async ({ request }) => {
    // Returning nothing lets the request fall through to other handlers or the network.
    if (!served(new URL(request.url))) return undefined;
    return mock.fetch(request);
  });
  return Object.assign([handler], { mock });
}
