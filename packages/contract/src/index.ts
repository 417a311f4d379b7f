// @jigi/contract: the shapes of the API the console calls (review, dashboard, exports, admin), written
// once. The server validates requests and documents every route (OpenAPI) with these schemas; the
// console parses every response with them. The tablets' sync protocol stays in @jigi/sync.
export * from './common';
export * from './dashboard';
export * from './exports';
export * from './review';
export * from './admin';
export * from './targeting';
// The tablet export file's import summary belongs to the export-file format, kept in @jigi/sync.
export { importSummarySchema, type ImportSummary } from '@jigi/sync';
