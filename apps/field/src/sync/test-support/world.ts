import { buildCiblageHousehold } from '@jigi/domain/testing';
import { startFaultyLink, type FaultyLink, type FaultyLinkOptions } from '@jigi/testkit';
import { db } from '../../storage/db';
import { finaliseRecord } from '../../storage/records';
import type { AnyRecord } from '../../storage/types';
import { startRealServer, type RealServer } from './real-server';

// The sync tests' world: the real server, a faulty link in front of it, and helpers to make records
// the way the field app does (finaliseRecord: record + outbox mutation in one transaction).

export interface World {
  server: RealServer;
  link: FaultyLink;
  stop(): Promise<void>;
}

export async function startWorld(link: Omit<FaultyLinkOptions, 'upstream'> = {}): Promise<World> {
  const server = await startRealServer();
  const faulty = await startFaultyLink({ upstream: server.url, seed: 1, ...link });
  return {
    server,
    link: faulty,
    async stop() {
      await faulty.stop();
      await server.stop();
    },
  };
}

export const KORO_VILLAGE = 'village-koro-demo-1';

/** A valid ciblage household of a Koro demo village, with a fresh id. */
export function household(input: {
  agentId: string;
  deviceId: string;
  n?: number;
  id?: string;
}): AnyRecord {
  const n = input.n ?? 1;
  return buildCiblageHousehold({
    id: input.id ?? crypto.randomUUID(),
    villageId: KORO_VILLAGE,
    agentId: input.agentId,
    deviceId: input.deviceId,
    householdCode: `KOR-DIO-001-AK-${String(n).padStart(4, '0')}`,
  });
}

/** Finalises a record on the current tablet database (create or patch, as the form does). */
export async function finalise(
  record: AnyRecord,
  agentId: string,
  now = new Date().toISOString(),
): Promise<void> {
  const res = await finaliseRecord({ record, agentId, now });
  if (!res.ok) throw new Error(`finalise failed: ${res.error.detail}`);
}

/** Edits a non-critical field of a local record (livestock count) and finalises it: a patch. */
export async function editGoats(
  recordId: string,
  agentId: string,
  goats: number,
  now?: string,
): Promise<AnyRecord> {
  const row = await db().records.get(recordId);
  if (!row) throw new Error(`no record ${recordId}`);
  const livestock = { ...(row.record['livestock'] as Record<string, number>), goats };
  const next = { ...row.record, livestock };
  await finalise(next, agentId, now);
  return next;
}

/** Push requests seen by the link, in order. */
export function pushes(link: FaultyLink) {
  return link.stats.log.filter((r) => r.path.startsWith('/api/sync/push'));
}
export function pulls(link: FaultyLink) {
  return link.stats.log.filter((r) => r.path.startsWith('/api/sync/pull'));
}
