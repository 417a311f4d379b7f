import type { RecordFilter, RecordRow } from '../storage/rows';
import type { Store, Tx } from '../storage/store';

const PAGE = 500;

/** Every record of the filter, read in keyset pages inside the caller's transaction. */
export async function allRecords(tx: Tx, filter: RecordFilter): Promise<RecordRow[]> {
  const out: RecordRow[] = [];
  let after = '';
  for (;;) {
    const page = await tx.sync.recordsPage(filter, after, PAGE);
    out.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return out;
    after = last.id;
  }
}

/**
 * Every record of the filter, a page per read transaction: an export streams for minutes and must
 * never hold a transaction (or SQLite's one connection) between chunks. `pageSize`: exports read 100
 * at a time, so a page is garbage before V8 promotes it to its old generation (with 500, a
 * 50 000-household CSV export's resident memory grew by 70 MB more than with 100).
 */
export async function* recordPages(
  store: Store,
  filter: RecordFilter,
  pageSize = PAGE,
): AsyncGenerator<RecordRow> {
  let after = '';
  for (;;) {
    const page = await store.read((tx) => tx.sync.recordsPage(filter, after, pageSize));
    yield* page;
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) return;
    after = last.id;
  }
}
