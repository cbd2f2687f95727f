/**
 * Wires the fault layers into a composed mock: `createMock({ faults })` builds one `FaultSwitch`
 * and wraps the processor, the callback sink, the fetch handler and the admin API's fault methods.
 */
import type { JobEngine } from '../engine/engine.ts';
import type { TaskFinishEvent } from '../engine/events.ts';
import type { AdminApi } from '../http/admin-api.ts';
import { httpError } from '../http/http-error.ts';
import { FAULT_NAMES } from './catalogue.ts';
import type { CallbackLookup } from './callback-faults.ts';
import type { FaultSwitch } from './switch.ts';

/** Reads a finished job's CallBack setting and its queue's NotifyConfig from the engine. */
export function engineCallbackLookup(engine: () => JobEngine): CallbackLookup {
  return (event: TaskFinishEvent) => {
    const snapshot = engine().snapshot();
    const job = snapshot.jobs.find((j) => j.detail.JobId === event.job.JobId);
    const queue = snapshot.queues.find((q) => q.QueueId === event.job.QueueId);
    return { ...(job?.callback.CallBack !== undefined && { callBack: job.callback.CallBack }), ...(queue && { notify: queue.NotifyConfig }) };
  };
}

/** The admin API with enable/disable/list covering the whole catalogue (unknown names → 400). */
export function withFaultAdmin(admin: AdminApi, faults: () => FaultSwitch): AdminApi {
  const known = (name: string): string => {
    if (!FAULT_NAMES.includes(name)) throw httpError('InvalidArgument', `unknown fault "${name}"; known: ${FAULT_NAMES.join(', ')}`);
    return name;
  };
  return {
    ...admin,
    state: () => ({ ...admin.state(), faults: faults().list() }),
    enableFault(name) {
      faults().enable(known(name));
      return faults().list();
    },
    disableFault(name) {
      faults().disable(known(name));
      return faults().list();
    },
    faults: () => faults().list(),
  };
}
