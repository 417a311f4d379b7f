// Public surface of @jigi/sync: the wire protocol (schemas, version, limits, error kinds), field
// paths, and the pure field-level merge. See ../README.md.
export { PROTOCOL_VERSION, PROTOCOL_SCHEMA_HASH } from './protocol-version';
export { wireLimits } from './limits';
export { UNSYNCED_HEADER } from './headers';
export {
  errorKinds,
  errorKindList,
  errorRemedies,
  isRetryable,
  remedyOf,
  retryDelayMs,
  type ErrorKind,
  type ErrorRemedy,
} from './error-kinds';
export {
  jsonSchema,
  jsonObjectSchema,
  jsonEqual,
  isJsonObject,
  type Json,
  type JsonObject,
} from './json';
export { wireSchemas } from './wire-schemas';
export {
  fieldPathSchema,
  instantSchema,
  issueSchema,
  opaqueIdSchema,
  uuidSchema,
  type Issue,
} from './messages/common';
export {
  createMutationSchema,
  deleteMutationSchema,
  mutationSchema,
  parsedMutationSchema,
  patchChangesSchema,
  patchMutationSchema,
  recordTypeNameSchema,
  type CreateMutation,
  type DeleteMutation,
  type Mutation,
  type PatchChanges,
  type PatchMutation,
} from './messages/mutation';
export {
  mutationOutcomes,
  mutationResultSchema,
  rejectionCodes,
  type MutationOutcome,
  type MutationResult,
  type RejectionCode,
} from './messages/mutation-result';
export {
  pushEnvelopeSchema,
  pushRequestSchema,
  pushResponseSchema,
  type PushEnvelope,
  type PushRequest,
  type PushResponse,
} from './messages/push';
export {
  conflictReaderSchema,
  conflictStatuses,
  pullConflictDataSchema,
  pullTaskDataSchema,
  taskReaderSchema,
  taskStatuses,
  type PullConflictData,
  type PullTaskData,
} from './messages/pull-payloads';
export {
  cursorStringSchema,
  formatCursor,
  parseCursor,
  type Cursor,
  type CursorError,
} from './messages/cursor';
export {
  pullChangeSchema,
  pullEntities,
  pullQuerySchema,
  pullResponseSchema,
  recordMetaSchema,
  type PullChange,
  type PullEntity,
  type PullQuery,
  type PullResponse,
  type RecordMeta,
} from './messages/pull';
export {
  deviceRegistrationRequestSchema,
  deviceRegistrationResponseSchema,
  loginRequestSchema,
  sessionResponseSchema,
  sessionUserSchema,
  userRoles,
  type DeviceRegistrationRequest,
  type DeviceRegistrationResponse,
  type LoginRequest,
  type SessionResponse,
  type SessionUser,
  type UserRole,
} from './messages/auth';
export {
  errorEnvelopeSchema,
  mutationGapErrorSchema,
  protocolErrorCodes,
  type ErrorEnvelope,
  type MutationGapError,
} from './messages/error-envelope';
export type {
  FieldStamp,
  IsCritical,
  MergeConflict,
  MergeDecision,
  MergeRejection,
  Overwritten,
  ServerRecordState,
} from './merge/types';
export { mergeMutation, type MergeInput } from './merge/merge-mutation';
export { resolveConflict, type ResolveError } from './merge/resolve-conflict';
export { applyChanges, unflattenRecord } from './paths/apply-changes';
export { diffRecords } from './paths/diff';
export { flattenRecord, type JsonLeaf } from './paths/flatten';
export { escapeSegment, joinPath, pathsOverlap, splitPath, unescapeSegment } from './paths/path';
export { mutationResultOf } from './merge/mutation-result-of';
export {
  EXPORT_FORMAT,
  EXPORT_FORMAT_SCHEMA_HASH,
  EXPORT_FORMAT_VERSION,
  exportFileHeadSchema,
  exportFileSchema,
  exportFileText,
  parseExportFile,
  type ExportFile,
  type ExportFileErrorKind,
  type ExportFileHead,
  type ExportParse,
} from './export-file/export-file';
export { importSummarySchema, type ImportSummary } from './export-file/import-summary';
// The client half of the protocol: the rows a client keeps and the pure planners that decide what a
// freeze, a push answer, a pulled page and a restore write (client/, README « Client planners »).
export type {
  ClientBatchRow,
  ClientOutboxRow,
  ClientRecordRow,
  ClientTaskRow,
  LocalRecord,
  OutboxOp,
  OutboxState,
  RecordRejection,
  SyncStatus,
} from './client/rows';
export {
  batchHead,
  bodyMutationIds,
  pushBodyText,
  renumberBodyText,
  splitBodyText,
  toWireMutation,
  utf8Length,
  wireProblem,
  type BatchHead,
} from './client/push-body';
export { mergeChanges, planCompaction, type Compaction } from './client/compaction';
export {
  planAdoptedBatches,
  planFreeze,
  planHead,
  planRenumber,
  planSplit,
  type FreezeInput,
  type FreezePlan,
  type OutboxHead,
} from './client/freeze-plan';
export {
  matchAnswer,
  planPushAnswer,
  type AnsweredMutation,
  type PushAnswerPlan,
  type PushTally,
} from './client/push-answer-plan';
export {
  planPullPage,
  pullPageRecordIds,
  type PullPageInput,
  type PullPagePlan,
  type PullPageResult,
  type ReferenceWrites,
} from './client/pull-page-plan';
export {
  lostOnServer,
  planRequeueLost,
  requeueCandidates,
  restorePatch,
} from './client/restore-plan';
export { rebase, replayPending } from './client/replay';
