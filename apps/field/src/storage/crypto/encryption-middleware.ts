import Dexie, {
  type DBCore,
  type DBCoreIndex,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { dataKeyOf } from './keyring';
import { memoryCursor } from './memory-cursor';
import { isSealed, openRow, rowContext, sealRow, type StoredRow } from './row-seal';

// WebCrypto answers on its own task, and an IndexedDB transaction commits as soon as it has no request
// pending when a task ends: awaiting `crypto.subtle` inside a transaction would end it. Every crypto
// step here goes through `Dexie.waitFor`, which keeps the transaction busy with cheap requests until
// the step is done and resumes inside a request's success event, and the methods chain Dexie
// promises (not native async functions) so that Dexie's transaction zone follows them.
const DexiePromise = Dexie.Promise;

/**
 * The tables that hold a user's own work, and the field that names the owner of each row. Everything
 * else (users, villages, beneficiary lists, microprojects, settings, meta, user keys) is the tablet's,
 * shared and not sealed here (docs/tablet-security.md « What is sealed »).
 */
export const ownedTables = {
  records: 'agentId',
  drafts: 'agentId',
  outbox: 'userId',
  receipts: 'userId',
  tasks: 'userId',
  syncBatches: 'userId',
  syncState: 'userId',
} as const satisfies Record<string, string>;

export type OwnedTable = keyof typeof ownedTables;

/** A user's row was written while their data key is not unlocked in this page. */
export class LockedError extends Error {
  override name = 'LockedError';
}

function isOwnedTable(name: string): name is OwnedTable {
  return Object.hasOwn(ownedTables, name);
}

function keyPathFields(index: DBCoreIndex): string[] {
  const path = index.keyPath;
  if (path === null) return [];
  return (Array.isArray(path) ? path : [path]).map((p) => p.split('.')[0] ?? p);
}

/**
 * Seals the rows of the owned tables on the way into IndexedDB and opens them on the way out, below
 * every other Dexie layer (so liveQuery, hooks and the storage functions see plain rows). A row whose
 * owner has no key in this page is invisible (get gives undefined, queries leave it out) and cannot be
 * written: another user's work never reaches the screen of the one who unlocked. Counts and key-only
 * reads go through untouched: they read index keys, which hold no personal data. Upgrade transactions
 * run below it (they reshape rows whose owner is not there).
 */
export const encryptionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'AtRestEncryption',
  level: -10,
  create(down) {
    return {
      ...down,
      table(name: string) {
        const table = down.table(name);
        return isOwnedTable(name) ? sealedTable(table, name) : table;
      },
    };
  },
};

function native(trans: DBCoreTransaction): IDBTransaction {
  return trans as unknown as IDBTransaction;
}

function sealedTable(table: DBCoreTable, name: OwnedTable): DBCoreTable {
  const ownerField = ownedTables[name];
  const clear = new Set<string>([
    ownerField,
    ...keyPathFields(table.schema.primaryKey),
    ...table.schema.indexes.flatMap(keyPathFields),
  ]);
  const passThrough = (trans: DBCoreTransaction) => native(trans).mode === 'versionchange';

  /** Opens stored rows; `undefined` for a row whose owner is locked (or that does not open). */
  async function openAll(rows: readonly unknown[]): Promise<unknown[]> {
    return Promise.all(
      rows.map(async (row) => {
        if (row === undefined || row === null || typeof row !== 'object') return row;
        const owner = (row as StoredRow)[ownerField];
        const key = typeof owner === 'string' ? await dataKeyOf(owner) : undefined;
        if (!key || typeof owner !== 'string') return undefined;
        return isSealed(row) ? openRow(row, key, rowContext(name, owner)) : row;
      }),
    );
  }

  function opened(trans: DBCoreTransaction, rows: readonly unknown[]): Promise<unknown[]> {
    if (passThrough(trans) || !rows.some((r) => typeof r === 'object' && r !== null))
      return DexiePromise.resolve([...rows]);
    return Dexie.waitFor(openAll(rows));
  }

  async function sealAll(values: readonly unknown[]): Promise<unknown[]> {
    return Promise.all(
      values.map(async (value) => {
        const row = value as StoredRow;
        const owner = row[ownerField];
        const key = typeof owner === 'string' ? await dataKeyOf(owner) : undefined;
        if (!key || typeof owner !== 'string')
          throw new LockedError(`${name}: no unlocked data key for the row's owner`);
        return sealRow(row, clear, key, rowContext(name, owner));
      }),
    );
  }

  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if ((req.type !== 'add' && req.type !== 'put') || passThrough(req.trans))
        return table.mutate(req);
      return Dexie.waitFor(sealAll(req.values)).then((values) => table.mutate({ ...req, values }));
    },
    get(req) {
      return DexiePromise.resolve(table.get(req)).then((row: unknown) =>
        opened(req.trans, [row]).then((rows) => rows[0]),
      );
    },
    getMany(req) {
      return DexiePromise.resolve(table.getMany(req)).then((rows) => opened(req.trans, rows));
    },
    query(req) {
      if (req.values === false) return table.query(req);
      return DexiePromise.resolve(table.query(req)).then((res) =>
        opened(req.trans, res.result).then((rows) => ({
          ...res,
          result: rows.filter((r) => r !== undefined),
        })),
      );
    },
    openCursor(req) {
      if (req.values === false || passThrough(req.trans)) return table.openCursor(req);
      return DexiePromise.resolve(
        table.query({ trans: req.trans, values: true, query: req.query }),
      ).then(({ result }) =>
        opened(req.trans, result).then((rows) => {
          const index = req.query.index;
          const primary = table.schema.primaryKey;
          let entries = rows.flatMap((value) =>
            value === undefined
              ? []
              : [
                  {
                    key: index.extractKey?.(value) as unknown,
                    primaryKey: primary.extractKey?.(value) as unknown,
                    value,
                  },
                ],
          );
          if (req.reverse) entries = entries.reverse();
          if (req.unique)
            entries = entries.filter(
              (e, i) => i === 0 || indexedDB.cmp(e.key, entries[i - 1]?.key) !== 0,
            );
          return memoryCursor(req.trans, entries);
        }),
      );
    },
  };
}
