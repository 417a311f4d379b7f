import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Password of every demo account (apps/server seed-demo.ts, README « Demo logins »). */
export const DEMO_PASSWORD = 'demo1234';

export interface SeedDevice {
  url: string;
  deviceId: string;
  token: string;
  userId: string;
  protocolVersion: number;
  /** The last mutation id this device used: pushes go on from it (the server refuses gaps and answers replays from its store). */
  lastMutationId: number;
}

/**
 * Registers a "seeding tablet" for a demo user, the way the app does (`POST /api/auth/device`), so
 * that records pushed from it are the user's own: a new tablet of the same user then pulls them,
 * which is the app's real first-sync path. The protocol version is read from `/api/health` rather
 * than hard-coded (the bench does not depend on @jigi/sync).
 */
export async function registerSeedDevice(url: string, login: string): Promise<SeedDevice> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { protocolVersion: number };
  const res = await fetch(`${url}/api/auth/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD, deviceLabel: 'bench seeding tablet' }),
  });
  if (!res.ok)
    throw new Error(
      `device registration for ${login} failed: ${String(res.status)} ${await res.text()}`,
    );
  const body = (await res.json()) as {
    deviceId: string;
    deviceToken: string;
    user: { id: string };
  };
  return {
    url,
    deviceId: body.deviceId,
    token: body.deviceToken,
    userId: body.user.id,
    protocolVersion: health.protocolVersion,
    lastMutationId: 0,
  };
}

interface PushAnswer {
  results: { mutationId: number; outcome: string; error?: { code: string; message: string } }[];
  lastMutationId: number;
}

/**
 * Pushes `records` as creates from `device`, `batchSize` per gzip request (the protocol's maximum is 200), and fails loudly if the
 * server refuses any: a benchmark on rejected records would measure rejections.
 */
export async function pushRecords(
  device: SeedDevice,
  records: readonly Record<string, unknown>[],
  batchSize = 200,
): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    const clientTime = new Date().toISOString();
    const mutations = records.slice(start, start + batchSize).map((record) => ({
      mutationId: ++device.lastMutationId,
      recordId: record['id'],
      recordType: record['type'],
      op: 'create',
      baseVersion: 0,
      record,
      clientTime,
    }));
    const body = {
      protocolVersion: device.protocolVersion,
      deviceId: device.deviceId,
      batchId: randomUUID(),
      clientTime,
      mutations,
    };
    const res = await fetch(`${device.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${device.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(body)),
    });
    if (!res.ok) throw new Error(`seeding push failed: ${String(res.status)} ${await res.text()}`);
    const answer = (await res.json()) as PushAnswer;
    const refused = answer.results.filter((r) => r.outcome === 'rejected');
    if (refused.length > 0)
      throw new Error(
        `seeding: the server rejected ${String(refused.length)} records, e.g. ${JSON.stringify(refused[0]?.error)}`,
      );
  }
}
