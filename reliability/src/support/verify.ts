import { jsonEqual, type Json } from '@jigi/sync';
import type { Deployment } from './provision';
import type { SimDevice } from './sim-device';
import { halfWrites, readStoredState, type StoredState } from './stored-state';

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
  /** Last mutation ids, stored results and histories that disagree (stored-state.ts, halfWrites). */
  halfWritten: string[];
};

/**
 * Compares what the server stored with what the devices hold: every device record exactly once with
 * its content, one history row per version (no mutation applied twice), every mutation id consumed
 * once, and nothing half-written. `source` is a SQLite file or a deployment of either backend
 * (PostgreSQL is read through the store API: stored-state.ts).
 */
export async function verifyAgainst(
  source: string | Deployment | StoredState,
  devices: readonly SimDevice[],
): Promise<Outcome> {
  const state =
    typeof source === 'object' && 'records' in source ? source : await readStoredState(source);
  const stored = new Map(state.records.map((r) => [r.id, r]));
  const outcome: Outcome = {
    integrity: state.integrity,
    expected: 0,
    stored: stored.size,
    lost: [],
    duplicated: [],
    wrongContent: [],
    unexpected: [],
    outbox: 0,
    idMismatch: [],
    halfWritten: halfWrites(state),
  };
  const expectedIds = new Set<string>();
  for (const device of devices) {
    outcome.outbox += device.outboxSize;
    const consumed = state.devices.get(device.deviceId);
    const ids =
      consumed === undefined ? undefined : { rows: consumed.results.size, last: consumed.last };
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
      const historyRows = state.versions.get(id)?.length ?? 0;
      if (historyRows !== row.version)
        outcome.duplicated.push(`${id}: version ${row.version}, ${historyRows} history rows`);
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
    halfWritten: o.halfWritten,
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
  halfWritten: [],
};
