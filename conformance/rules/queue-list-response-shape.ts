import { defineRule } from '../rule.ts';

const UNKNOWN_QUEUE = 'p00000000000000000000000000000000';

/** `GET /file_queue` answers 200 with a valid ListQueuesResponse echoing paging, and unknown ids in NonExistPIDs (§2.9). */
export default defineRule({
  id: 'queue-list-response-shape',
  title: 'Queue list answers 200 with a valid ListQueuesResponse; paging echoed; unknown ids in NonExistPIDs',
  spec: 'spec/cos-ci/paths/file_queue.yaml#get · components/schemas/ListQueuesResponse · ref §2.9, §8 F11',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const all = await ctx.client.listQueues();
    ctx.check.exchange(all, { status: 200 });
    const value = ctx.check.present(all.value, 'a ListQueuesResponse body', () => all.invalid ?? all.text);
    const queues = [value.QueueList ?? []].flat();
    ctx.check.that(queues.length >= 1 && value.TotalCount >= queues.length, 'TotalCount ≥ the queues listed ≥ 1 (the bucket queue, §2.11)', `TotalCount ${value.TotalCount}, ${queues.length} listed`);
    const paged = await ctx.client.listQueues({ pageNumber: 1, pageSize: 5 });
    ctx.check.exchange(paged, { status: 200 });
    ctx.check.equal([paged.value?.PageNumber, paged.value?.PageSize], [1, 5], '[PageNumber, PageSize] echoed');
    const known = queues[0]!.QueueId;
    const byId = await ctx.client.listQueues({ queueIds: `${known},${UNKNOWN_QUEUE}` });
    ctx.check.exchange(byId, { status: 200 });
    ctx.check.equal([byId.value?.QueueList ?? []].flat().map((queue) => queue.QueueId), [known], `queues listed for queueIds=${known},${UNKNOWN_QUEUE}`);
    ctx.check.equal([byId.value?.NonExistPIDs ?? []].flat(), [UNKNOWN_QUEUE], 'NonExistPIDs');
  },
});
