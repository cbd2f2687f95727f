import { defineRule } from '../rule.ts';

/** `POST /file_bucket` answers 200 with the FileBucket; `GET /file_bucket` on the service host lists that bucket (§2.11). */
export default defineRule({
  id: 'file-bucket-response-shape',
  title: 'Enable file processing answers a valid FileBucket; the service-host list contains the bucket',
  spec: 'spec/cos-ci/paths/file_bucket.yaml#post, #get · components/schemas/CreateFileBucketResponse, ListFileBucketsResponse · ref §2.11',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const created = await ctx.client.createFileBucket();
    ctx.check.exchange(created, { status: 200 });
    const bucket = ctx.check.present(created.value?.FileBucket, 'a FileBucket in the POST /file_bucket response', () => created.invalid ?? created.text);
    ctx.check.equal([bucket.Name, bucket.Region], [ctx.target.bucket.replace(/-\d+$/, ''), ctx.target.region], 'FileBucket [Name, Region]');
    const listed = await ctx.client.listFileBuckets({ bucketNames: ctx.target.bucket, regions: ctx.target.region });
    ctx.check.exchange(listed, { status: 200 });
    const ids = [listed.value?.FileBucketList ?? []].flat().map((entry) => entry.BucketId);
    ctx.check.that(ids.includes(bucket.BucketId), `GET /file_bucket lists ${bucket.BucketId}`, `BucketIds ${JSON.stringify(ids)}`);
  },
});
