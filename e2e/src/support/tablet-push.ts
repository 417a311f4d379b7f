import { randomUUID } from 'node:crypto';
import { buildCiblageHousehold } from '../../../packages/domain/src/testing/sample-records';
import { PROTOCOL_VERSION } from '../../../packages/sync/src/protocol-version';
import { DEMO_PASSWORD } from '../pages/auth-pages';
import type { AppServer } from './app-server';

/**
 * A household reaching the server the way a tablet sends it: the device registered with the agent's
 * password (`POST /api/auth/device`), then one push (`POST /api/sync/push`) of a valid ciblage record
 * from the domain's sample builder. For console scenarios whose subject is the review, not the
 * tablet's form (other scenarios fill the form in Chromium).
 */
export async function pushHousehold(
  server: AppServer,
  login: string,
  deviceLabel: string,
  village: string,
): Promise<{ recordId: string }> {
  const reg = await fetch(`${server.url}/api/auth/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD, deviceLabel }),
  });
  if (!reg.ok) throw new Error(`device registration: ${String(reg.status)} ${await reg.text()}`);
  const { deviceId, deviceToken, user } = (await reg.json()) as {
    deviceId: string;
    deviceToken: string;
    user: { id: string };
  };
  const record = buildCiblageHousehold({
    id: randomUUID(),
    villageId: village,
    agentId: user.id,
    deviceId,
  });
  const now = new Date().toISOString();
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
    body: JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      batchId: randomUUID(),
      clientTime: now,
      mutations: [
        {
          mutationId: 1,
          recordId: record.id,
          recordType: record.type,
          op: 'create',
          baseVersion: 0,
          record,
          clientTime: now,
        },
      ],
    }),
  });
  const body = (await res.json()) as { results?: { outcome: string }[] };
  if (!res.ok || body.results?.[0]?.outcome !== 'applied')
    throw new Error(`push: ${String(res.status)} ${JSON.stringify(body)}`);
  return { recordId: record.id };
}
