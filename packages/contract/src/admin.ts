// The back office's administration API (`/api/admin/*`): accounts and tablets, reference data and its
// spreadsheet imports, the audit log, the quarantine and the programme settings.
export * from './admin-common';
export * from './admin-accounts';
export * from './admin-reference';
export * from './admin-logs';
