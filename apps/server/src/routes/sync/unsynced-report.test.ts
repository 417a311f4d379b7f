import type { AdminDevice, DevicesPage } from '@jigi/contract';
import { UNSYNCED_HEADER } from '@jigi/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { ciblage, createMutation, pushBody, type TestDevice } from '../../test-support/sync-client';

describe('the unsynced count a tablet reports with its push', () => {
  let s: TestServer;
  let admin: { cookie: string };
  let tablet: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
    tablet = await registerDevice(s.app, 'enq.koro', 'Samsung A');
  });
  afterEach(async () => {
    await s.close();
  });

  const pushWith = (n: number, header?: string) =>
    s.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        ...tablet.headers,
        'content-type': 'application/json',
        ...(header === undefined ? {} : { [UNSYNCED_HEADER]: header }),
      },
      payload: pushBody(tablet, [createMutation(n, ciblage(n, tablet))]),
    });
  const reported = async (): Promise<AdminDevice | undefined> =>
    (await s.app.inject({ method: 'GET', url: '/api/admin/devices', headers: admin }))
      .json<DevicesPage>()
      .rows.find((d) => d.id === tablet.deviceId);

  it('is unknown until the tablet says, then the last count it said', async () => {
    expect((await reported())?.unsyncedReported).toBeNull();
    expect((await pushWith(1, '12')).statusCode).toBe(200);
    expect((await reported())?.unsyncedReported).toBe(12);
    expect((await pushWith(2, '0')).statusCode).toBe(200);
    expect((await reported())?.unsyncedReported).toBe(0);
  });

  it('keeps the last count when a push says nothing or says it badly, and never refuses the push', async () => {
    expect((await pushWith(1, '5')).statusCode).toBe(200);
    for (const [n, header] of [
      [2, undefined],
      [3, '-1'],
      [4, 'douze'],
      [5, '999999999'],
    ] as const) {
      const res = await pushWith(n, header);
      expect(res.statusCode).toBe(200);
      expect(res.json<{ results: { outcome: string }[] }>().results[0]?.outcome).toBe('applied');
    }
    expect((await reported())?.unsyncedReported).toBe(5);
  });
});
