// The few PouchDB and express-pouchdb surfaces the benchmark uses. Written here rather than
// pulling @types/pouchdb-* (typed for PouchDB 7) so that what we rely on is visible in one place.

declare module 'pouchdb-core' {
  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
  }
  export interface ReplicateResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    status: string;
  }
  export interface AllDocsRow {
    id: string;
    value: { rev: string };
    doc?: Record<string, unknown>;
  }
  export interface Database {
    bulkDocs(
      docs: readonly object[],
    ): Promise<{ ok?: boolean; id?: string; rev?: string; error?: string }[]>;
    allDocs(options: {
      include_docs?: boolean;
    }): Promise<{ total_rows: number; rows: AllDocsRow[] }>;
    info(): Promise<{ doc_count: number }>;
    revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
    replicate: {
      to(target: string | Database, options?: ReplicateOptions): Promise<ReplicateResult>;
      from(source: string | Database, options?: ReplicateOptions): Promise<ReplicateResult>;
    };
    destroy(): Promise<void>;
  }
  export interface PouchStatic {
    new (name: string, options?: { adapter?: string }): Database;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: { adapter?: string }): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  /** An express app speaking CouchDB's HTTP API over the given PouchDB constructor. */
  export default function expressPouchDB(
    pouch: PouchStatic,
    options?: {
      mode?: 'minimumForPouchDB' | 'fullCouchDB';
      inMemoryConfig?: boolean;
      logPath?: string;
    },
  ): (req: IncomingMessage, res: ServerResponse) => void;
}
