/**
 * The generated types and the mock's hand-written processing types (mocks/processing/types.ts)
 * must describe the same elements. These assertions are checked by `tsc` (npm run typecheck):
 * a renamed or retyped property in either place breaks the build, not just this file's run.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { components as Cos } from '../generated/cos-ci.d.ts';
import type { components as Jd } from '../generated/jdcloud.d.ts';
import type * as Mock from '../mocks/processing/types.ts';

type S = Cos['schemas'];

describe('generated types ↔ mocks/processing/types.ts', () => {
  it('decoded job configs are usable as the mock configs and back', () => {
    expectTypeOf<S['FileCompressConfig']>().toExtend<Mock.FileCompressConfig>();
    expectTypeOf<Mock.FileCompressConfig>().toExtend<S['FileCompressConfig']>();
    expectTypeOf<S['FileUncompressConfig']>().toExtend<Mock.FileUncompressConfig>();
    expectTypeOf<Mock.FileUncompressConfig>().toExtend<S['FileUncompressConfig']>();
    expectTypeOf<S['FileHashCodeConfig']>().toExtend<Mock.FileHashCodeConfig>();
    expectTypeOf<Mock.FileHashCodeConfig>().toExtend<S['FileHashCodeConfig']>();
  });

  it('the mock results fit the documented result containers', () => {
    expectTypeOf<Mock.FileCompressResult>().toExtend<S['FileCompressResult']>();
    expectTypeOf<Mock.FileUncompressResult>().toExtend<S['FileUncompressResult']>();
    expectTypeOf<Mock.FileHashCodeResult>().toExtend<S['FileHashCodeResult']>();
    expectTypeOf<Mock.ZipPreviewResult>().toExtend<S['ZipPreviewResponse']>();
  });

  it('outputs and JD components match', () => {
    expectTypeOf<S['FileCompressJobRequest']['Operation']['Output']>().toEqualTypeOf<Mock.CompressOutput>();
    expectTypeOf<S['FileUncompressJobRequest']['Operation']['Output']>().toEqualTypeOf<Mock.UncompressOutput>();
    expectTypeOf<Jd['schemas']['CompressRequest']['Component'][number]>().toExtend<Mock.JdComponent>();
    expectTypeOf<Mock.JdComponent>().toExtend<Jd['schemas']['CompressRequest']['Component'][number]>();
  });
});
