// Public surface of @jigi/sync: the wire protocol (schemas, version, limits, error kinds), field
// paths, and the pure field-level merge. See ../README.md.
export { PROTOCOL_VERSION, PROTOCOL_SCHEMA_HASH } from './protocol-version';
export { wireLimits } from './limits';
export {
  errorKinds,
  errorKindList,
  isRetryable,
  retryDelayMs,
  type ErrorKind,
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
  pushRequestSchema,
  pushResponseSchema,
  type PushRequest,
  type PushResponse,
} from './messages/push';
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
