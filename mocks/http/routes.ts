/**
 * The route table: maps keyed by method, shape and selector, so dispatch is a lookup whatever the
 * number of routes. The selector is the first of `ci-process`, `cancel`, `compress` present in
 * the query; a route registered without selector also serves requests whose selector has no
 * route of its own (unknown sub-resources are ignored, as COS does).
 */
import {
  adminAdvance, adminCallbacks, adminClock, adminClockRead, adminFaults, adminFaultsRead, adminPutObject, adminReset,
  adminScript, adminState, adminTdmq, adminTiming, adminHttpScript, adminHttpScripts, adminClearHttpScripts,
} from './admin-routes.ts';
import { listObjects } from './bucket-list.ts';
import { ciProcess } from './ci-process.ts';
import { disableBucket, enableBucket, listBuckets } from './file-buckets.ts';
import { compressObject } from './jd-compress.ts';
import { cancelJobs, describeJobs, listJobs } from './jobs-query.ts';
import { submitJob } from './jobs-submit.ts';
import { deleteObject, getObject, headObject, putObject } from './objects.ts';
import type { PathShape } from './path-shape.ts';
import { listQueues, updateQueue } from './queues.ts';
import type { Route, Selector } from './types.ts';

const SELECTORS: readonly Exclude<Selector, ''>[] = ['ci-process', 'cancel', 'compress'];

const ci = (method: string, shape: PathShape, handler: Route['handler'], operationId: string, selector: Selector = ''): Route =>
  ({ method, shape, selector, family: 'ci', handler, operationId });
const cos = (method: string, shape: PathShape, handler: Route['handler'], operationId: string, selector: Selector = ''): Route =>
  ({ method, shape, selector, family: 'cos', handler, operationId });
const admin = (method: string, shape: PathShape, handler: Route['handler']): Route => ({ method, shape, selector: '', family: 'admin', handler, unsigned: true });

/** Every route of the mock, named by the spec operation it serves. */
export const ROUTES: readonly Route[] = [
  ci('POST', 'file_jobs', submitJob, 'submitFileJob'), ci('POST', 'jobs', submitJob, 'submitJob'),
  ci('GET', 'file_jobs/{ids}', describeJobs, 'describeFileJobs'), ci('GET', 'jobs/{ids}', describeJobs, 'describeJobs'),
  ci('GET', 'jobs', listJobs, 'listJobs'),
  ci('PUT', 'jobs/{ids}', cancelJobs, 'cancelJobs', 'cancel'),
  ci('GET', 'file_queue', listQueues, 'listFileQueues'),
  ci('PUT', 'file_queue/{id}', updateQueue, 'updateFileQueue'), ci('POST', 'file_queue/{id}', updateQueue, 'updateFileQueueWithPost'),
  ci('POST', 'file_bucket', enableBucket, 'enableFileProcessing'), ci('GET', 'file_bucket', listBuckets, 'listFileProcessingBuckets'),
  ci('DELETE', 'file_bucket', disableBucket, 'disableFileProcessing'),
  cos('GET', 'bucket', listObjects, 'listObjects'),
  cos('GET', 'object', getObject, 'getObject'), cos('GET', 'object', ciProcess, 'getObject', 'ci-process'),
  cos('PUT', 'object', putObject, 'putObject'), cos('HEAD', 'object', headObject, 'headObject'), cos('DELETE', 'object', deleteObject, 'deleteObject'),
  // JD signs S3-style (AWS): not COS-verified here; its handler checks the AWS signature (auth-aws.ts).
  { method: 'POST', shape: 'object', selector: 'compress', family: 'jd', handler: compressObject, operationId: 'compressObject', unsigned: true },
  admin('POST', 'admin/reset', adminReset), admin('GET', 'admin/state', adminState),
  admin('PUT', 'admin/objects/{key}', adminPutObject),
  admin('GET', 'admin/clock', adminClockRead), admin('POST', 'admin/clock', adminClock), admin('POST', 'admin/clock/advance', adminAdvance),
  admin('POST', 'admin/jobs/{id}/script', adminScript), admin('POST', 'admin/timing', adminTiming),
  admin('GET', 'admin/faults', adminFaultsRead), admin('POST', 'admin/faults', adminFaults),
  admin('GET', 'admin/callbacks', adminCallbacks), admin('GET', 'admin/tdmq/{topic}', adminTdmq),
  admin('POST', 'admin/http-script', adminHttpScript), admin('GET', 'admin/http-script', adminHttpScripts), admin('DELETE', 'admin/http-script', adminClearHttpScripts),
];

// method → shape → selector → route: nested maps, so a lookup builds no key string per request.
const table = new Map<string, Map<string, Map<string, Route>>>();
for (const route of ROUTES) {
  const shapes = table.get(route.method) ?? new Map<string, Map<string, Route>>();
  const selectors = shapes.get(route.shape) ?? new Map<string, Route>();
  selectors.set(route.selector, route);
  shapes.set(route.shape, selectors);
  table.set(route.method, shapes);
}
const methodsByShape = new Map<string, string[]>();
for (const route of ROUTES) {
  const methods = methodsByShape.get(route.shape) ?? [];
  if (!methods.includes(route.method)) methods.push(route.method);
  methodsByShape.set(route.shape, methods);
}

/** The selector of a query: the first selecting parameter present. */
export function selectorOf(query: URLSearchParams): Selector {
  return SELECTORS.find((name) => query.has(name)) ?? '';
}

/** The route for a request, or the methods the shape allows (for 405). */
export function lookupRoute(method: string, shape: PathShape, selector: Selector): Route | { allowed: string[] } {
  const selectors = table.get(method)?.get(shape);
  const route = selectors?.get(selector) ?? (selector === '' ? undefined : selectors?.get(''));
  return route ?? { allowed: methodsByShape.get(shape) ?? [] };
}
