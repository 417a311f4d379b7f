import { recordTypeDescriptors } from '../modules/registry';
import type { RecordType } from '../records/field-record';

// Paths whose concurrent conflicting edits go to the supervisor (docs/architecture.md §2): identity,
// head of household, sex, dates of birth/ages, location, consent, MUAC, enrolment status, days worked
// and attendance status. Each record type lists its own in its module's descriptor; the location is
// critical for every type. `*` stands for one keyed-array id. A pattern covers the path itself and
// everything under it (`gps` covers `gps.lat`); a pattern ending in an id (`members.*`) covers adding
// or removing the line.
const common = ['villageId', 'gps'];

const compiled = new Map<string, string[][]>(
  recordTypeDescriptors.map((d) => [
    d.type,
    [...common, ...d.criticalPaths].map((p) => p.split('.')),
  ]),
);

/**
 * Whether a conflicting concurrent change to `path` (a sync field path, `members.<id>.sex`) of a record
 * of `type` must go to the supervisor's conflict queue rather than resolve by server order.
 */
export function isCriticalPath(type: RecordType, path: string): boolean {
  const segs = path.split('.');
  return (compiled.get(type) ?? []).some(
    (pattern) =>
      pattern.length <= segs.length &&
      pattern.every((p, i) => p === '*' || p === segs[i]) &&
      coversTail(pattern, segs),
  );
}

// `members.*` covers the line itself (`members.<id>`) but not every field under it; other patterns cover sub-paths.
function coversTail(pattern: string[], segs: string[]): boolean {
  if (pattern.length === segs.length) return true;
  return pattern[pattern.length - 1] !== '*';
}
