/**
 * Every rule module, listed statically so the suite runs anywhere (no filesystem globbing).
 * Add one import and one array entry per rule file; `index.test.ts` checks the list is complete.
 */
import type { Rule } from '../rule.ts';
import callbackExactlyOnce from './callback-exactly-once.ts';
import callbackJsonFormat from './callback-json-format.ts';
import callbackMatchesDescribe from './callback-matches-describe.ts';
import callbackNoSuppresses from './callback-no-suppresses.ts';
import callbackXmlFormat from './callback-xml-format.ts';
import cancelQueuedOnly from './cancel-queued-only.ts';
import cancelResponseShape from './cancel-response-shape.ts';
import compressDuplicateNames from './compress-duplicate-names.ts';
import compressEncryptedZip from './compress-encrypted-zip.ts';
import compressFlattenModes from './compress-flatten-modes.ts';
import compressIgnoreErrorAccounting from './compress-ignore-error-accounting.ts';
import compressSourceKey from './compress-source-key.ts';
import compressSourceKeyconfigRename from './compress-source-keyconfig-rename.ts';
import compressSourcePrecedence from './compress-source-precedence.ts';
import compressSourcePrefix from './compress-source-prefix.ts';
import compressSourceUrllist from './compress-source-urllist.ts';
import compressTarMembers from './compress-tar-members.ts';
import compressTargzMembers from './compress-targz-members.ts';
import compressZipMembers from './compress-zip-members.ts';
import describeMaxTenIds from './describe-max-ten-ids.ts';
import describeMultiNonexist from './describe-multi-nonexist.ts';
import describeResponseShape from './describe-response-shape.ts';
import describeRoundtripEcho from './describe-roundtrip-echo.ts';
import errorBodyShape from './error-body-shape.ts';
import failedHasCode from './failed-has-code.ts';
import fileBucketResponseShape from './file-bucket-response-shape.ts';
import hashAddToHeader from './hash-add-to-header.ts';
import hashJobDigest from './hash-job-digest.ts';
import jdCompressAlias from './jd-compress-alias.ts';
import jdCompressCallback from './jd-compress-callback.ts';
import jobIdFormat from './job-id-format.ts';
import jobTimesOrdered from './job-times-ordered.ts';
import jobVisibleAfterSubmit from './job-visible-after-submit.ts';
import jobsScopedByBucket from './jobs-scoped-by-bucket.ts';
import listFilters from './list-filters.ts';
import listOrdering from './list-ordering.ts';
import listPagingExactlyOnce from './list-paging-exactly-once.ts';
import listResponseShape from './list-response-shape.ts';
import listSizeLimit from './list-size-limit.ts';
import malformedXml400 from './malformed-xml-400.ts';
import objectApiShape from './object-api-shape.ts';
import progressMonotonic from './progress-monotonic.ts';
import queueListResponseShape from './queue-list-response-shape.ts';
import queuePauseResume from './queue-pause-resume.ts';
import queueUpdateResponseShape from './queue-update-response-shape.ts';
import responseBodySchema from './response-body-schema.ts';
import responseContentType from './response-content-type.ts';
import responseRequestId from './response-request-id.ts';
import responseStatusDocumented from './response-status-documented.ts';
import submitPathAlias from './submit-path-alias.ts';
import submitResponseShape from './submit-response-shape.ts';
import successHasResult from './success-has-result.ts';
import syncHashDigest from './sync-hash-digest.ts';
import terminalStateFinal from './terminal-state-final.ts';
import uncompressDirectoriesNoObjects from './uncompress-directories-no-objects.ts';
import uncompressDownloadConfig from './uncompress-download-config.ts';
import uncompressFileCountAndList from './uncompress-file-count-and-list.ts';
import uncompressMembersEqual from './uncompress-members-equal.ts';
import uncompressPassword from './uncompress-password.ts';
import uncompressPrefixReplaced from './uncompress-prefix-replaced.ts';
import unknownRoute404405 from './unknown-route-404-405.ts';
import userdataEcho from './userdata-echo.ts';
import zipPreviewListsEntries from './zip-preview-lists-entries.ts';

import lifecycleModel from './lifecycle-model.ts';
import negativeBadEnum from './negative-bad-enum.ts';
import negativeBadSignature from './negative-bad-signature.ts';
import negativeMissingRequired from './negative-missing-required.ts';
import negativeTooManyKeys from './negative-too-many-keys.ts';
import negativeUnknownJobId from './negative-unknown-job-id.ts';
import negativeUserdataTooLong from './negative-userdata-too-long.ts';

/** All rules, in the order they run. */
export const RULES: readonly Rule[] = [
  // Single exchanges
  responseStatusDocumented,
  responseContentType,
  responseRequestId,
  responseBodySchema,
  errorBodyShape,
  unknownRoute404405,
  malformedXml400,
  // Operation response shapes
  cancelResponseShape,
  describeResponseShape,
  fileBucketResponseShape,
  listResponseShape,
  objectApiShape,
  queueListResponseShape,
  queueUpdateResponseShape,
  submitResponseShape,
  // Negative inputs
  negativeMissingRequired,
  negativeBadEnum,
  negativeUserdataTooLong,
  negativeTooManyKeys,
  negativeUnknownJobId,
  negativeBadSignature,
  // Submit and describe
  submitPathAlias,
  jobIdFormat,
  describeRoundtripEcho,
  describeMultiNonexist,
  describeMaxTenIds,
  // Lifecycle
  jobVisibleAfterSubmit,
  jobsScopedByBucket,
  jobTimesOrdered,
  progressMonotonic,
  userdataEcho,
  terminalStateFinal,
  successHasResult,
  failedHasCode,
  cancelQueuedOnly,
  queuePauseResume,
  lifecycleModel,
  // List
  listFilters,
  listOrdering,
  listPagingExactlyOnce,
  listSizeLimit,
  // FileCompress
  compressDuplicateNames,
  compressEncryptedZip,
  compressFlattenModes,
  compressIgnoreErrorAccounting,
  compressSourceKey,
  compressSourceKeyconfigRename,
  compressSourcePrecedence,
  compressSourcePrefix,
  compressSourceUrllist,
  compressTarMembers,
  compressTargzMembers,
  compressZipMembers,
  // FileUncompress
  uncompressPrefixReplaced,
  uncompressMembersEqual,
  uncompressDownloadConfig,
  uncompressFileCountAndList,
  uncompressPassword,
  uncompressDirectoriesNoObjects,
  // Callbacks
  callbackExactlyOnce,
  callbackJsonFormat,
  callbackMatchesDescribe,
  callbackNoSuppresses,
  callbackXmlFormat,
  // FileHashCode, sync hash, zip preview
  hashJobDigest,
  hashAddToHeader,
  syncHashDigest,
  zipPreviewListsEntries,
  // JD Compress Object
  jdCompressAlias,
  jdCompressCallback,
];
