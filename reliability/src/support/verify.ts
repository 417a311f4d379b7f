import { jsonEqual, type Json } from '@jigi/sync';
import type { SimDevice } from './sim-device';
import {
  deviceMutationCounts,
  integrityCheck,
  storedRecords,
  withDatabase,
} from './sqlite-inspect';

/** The end state of a run, as RELIABILITY.md reports it. */
export type Outcome = {
  integrity: string;
  expected: number;
  stored: number;
  lost: string[];
  /** Records whose change history holds more versions than the record (a mutation applied twice). */
  duplicated: string[];
  wrongContent: string[];
  unexpected: string[];
  outbox: number;
  /** Devices whose consumed mutation ids differ from what they sent. */
  idMismatch: string[];
};

/**
 * Compares the server's file with what the devices hold: every device record exactly once with its
 * content, one history row per version (no mutation applied twice), every mutation id consumed once.
 */
export function verifyAgainst(file: string, devices: readonly SimDevice[]): Outcome {
  const stored = new Map(storedRecords(file).map((r) => [r.id, r]));
  const historyRows = withDatabase(
    file,
    (db) =>
      new Map(
        db
          .prepare<[], { id: string; n: number }>(
            'SELECT record_id AS id, count(*) AS n FROM record_versions GROUP BY record_id',
          )
          .all()
          .map((r) => [r.id, r.n]),
      ),
  );
  const consumed = deviceMutationCounts(file);
  const outcome: Outcome = {
    integrity: integrityCheck(file),
    expected: 0,
    stored: stored.size,
    lost: [],
    duplicated: [],
    wrongContent: [],
    unexpected: [],
    outbox: 0,
    idMismatch: [],
  };
  const expectedIds = new Set<string>();
  for (const device of devices) {
    outcome.outbox += device.outboxSize;
    const ids = consumed.get(device.deviceId);
    const sent = device.stats.acknowledged;
    if (
      ids === undefined ||
      ids.rows !== ids.last ||
      (device.stats.epochResets === 0 && ids.rows !== sent)
    )
      outcome.idMismatch.push(`${device.deviceId}: ${JSON.stringify(ids)} sent ${sent}`);
    for (const [id, local] of device.records) {
      expectedIds.add(id);
      outcome.expected++;
      const row = stored.get(id);
      if (row === undefined || row.deleted) {
        outcome.lost.push(id);
        continue;
      }
      if (!jsonEqual(row.data as Json, local.record)) outcome.wrongContent.push(id);
      if ((historyRows.get(id) ?? 0) !== row.version)
        outcome.duplicated.push(
          `${id}: version ${row.version}, ${historyRows.get(id) ?? 0} history rows`,
        );
    }
  }
  for (const id of stored.keys()) if (!expectedIds.has(id)) outcome.unexpected.push(id);
  return outcome;
}

/** The assertion-friendly summary: everything that must be zero or ok. */
export function faultsOf(o: Outcome) {
  return {
    integrity: o.integrity,
    lost: o.lost.length,
    duplicated: o.duplicated.length,
    wrongContent: o.wrongContent.length,
    unexpected: o.unexpected.length,
    outbox: o.outbox,
    idMismatch: o.idMismatch,
  };
}
export const clean = {
  integrity: 'ok',
  lost: 0,
  duplicated: 0,
  wrongContent: 0,
  unexpected: 0,
  outbox: 0,
  idMismatch: [],
};
