import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Order-independent SHA-256 of a set of records: each record is hashed as canonical JSON, the
 * digests are sorted and hashed again. Two stores hold the same data exactly when their hashes
 * match, whatever order they list it in; a duplicate or a missing record changes the hash (it is a
 * hash of the multiset, not of the set). The benchmarks' correctness gate compares it to the
 * generated records after every run.
 *
 * Strip store metadata (`_id`, `_rev`, versions) before hashing: only the record content counts.
 */
export function contentHash(records: Iterable<unknown>): string {
  const digests: string[] = [];
  for (const record of records)
    digests.push(createHash('sha256').update(canonicalJson(record)).digest('hex'));
  digests.sort();
  const outer = createHash('sha256');
  for (const d of digests) outer.update(d);
  return outer.digest('hex');
}
