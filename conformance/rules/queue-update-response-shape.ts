import { defineRule } from '../rule.ts';
import { restoredQueue, updateQueue } from '../support/lifecycle.ts';

/** A queue update by PUT and by POST answers 200 with a valid UpdateQueueResponse echoing the new state (§2.10, §9.3). */
export default defineRule({
  id: 'queue-update-response-shape',
  title: 'Queue update (PUT and POST) answers 200 with the updated Queue',
  spec: 'spec/cos-ci/paths/file_queue_{QueueId}.yaml#put, #post · components/schemas/UpdateQueueResponse · spec/README.md §9.3 · ref §2.10, §8 F12',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const queue = await restoredQueue(ctx);
    for (const [method, state] of [['PUT', 'Paused'], ['POST', 'Active'], ['POST', 'Paused'], ['PUT', 'Active']] as const) {
      const exchange = await updateQueue(ctx, queue, { State: state }, method);
      const updated = ctx.check.present(exchange.value?.Queue, `a Queue in the ${method} /file_queue/${queue.QueueId} response`, () => exchange.invalid ?? exchange.text);
      ctx.check.equal([updated.QueueId, updated.Name, updated.State], [queue.QueueId, queue.Name, state], `${method} response [QueueId, Name, State]`);
      const listed = await ctx.client.listQueues({ queueIds: queue.QueueId });
      ctx.check.exchange(listed, { status: 200 });
      ctx.check.equal([listed.value?.QueueList ?? []].flat()[0]?.State, state, `State listed after ${method}`);
    }
  },
});
