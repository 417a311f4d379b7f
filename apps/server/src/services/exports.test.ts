import { buildCiblageHousehold } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/harness';
import { KORO_VILLAGE } from '../test-support/sync-client';
import { csvExport, xlsxExport } from './exports';

// An export reads the store as the client takes the file: a client that stops reading stops the
// reads, one that goes away ends them.
describe('exports read the store as the client reads', () => {
  const households = 2_000;
  let s: TestServer;
  let reads = 0;
  beforeAll(async () => {
    s = await startTestServer();
    const base = buildCiblageHousehold({ villageId: KORO_VILLAGE }) as unknown as JsonObject;
    await s.store.write(async (tx) => {
      for (let i = 0; i < households; i++) {
        const id = `00000000-0000-4000-8ccc-${i.toString(16).padStart(12, '0')}`;
        await tx.sync.saveRecord({
          id,
          type: 'ciblage_household',
          villageId: KORO_VILLAGE,
          version: 1,
          data: { ...base, id },
          fieldVersions: {},
          deleted: false,
          reviewStatus: 'received',
          warnings: [],
          createdBy: 'user-enq-koro',
          deviceId: 'device-x',
          createdAt: '2026-03-15T10:00:00.000Z',
          updatedAt: '2026-03-15T10:00:00.000Z',
        });
      }
    });
    const read = s.store.read.bind(s.store);
    s.store.read = (fn) => {
      reads++;
      return read(fn);
    };
  });
  afterAll(async () => {
    await s.close();
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const filter = { type: 'ciblage_household' as const };

  it('CSV: stops reading while the client does not read, and stops for good when it leaves', async () => {
    reads = 0;
    const stream = await csvExport(s.deps, filter, '', 'fr');
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    stream.pause();
    expect(first.toString('utf8').startsWith('\uFEFF')).toBe(true);
    await settle();
    const paused = reads;
    await settle();
    expect(reads).toBe(paused);
    // 2 000 households are 20 pages of 100 (and one read of the villages): most are not read yet.
    expect(paused).toBeLessThan(8);
    stream.destroy();
    await settle();
    expect(reads).toBe(paused);
  });

  it('CSV: reads every page once when the client takes the whole file', async () => {
    reads = 0;
    let lines = 0;
    for await (const chunk of await csvExport(s.deps, filter, '', 'codes'))
      lines += (chunk as Buffer).toString('utf8').split('\r\n').length - 1;
    expect(lines).toBe(households + 1);
    expect(reads).toBe(1 + households / 100 + 1);
  });

  it('XLSX: stops reading when the client leaves', async () => {
    reads = 0;
    const stream = await xlsxExport(s.deps, filter, 'fr');
    await new Promise((resolve) => stream.once('data', resolve));
    stream.destroy();
    await settle();
    const left = reads;
    await settle();
    expect(reads).toBe(left);
    expect(left).toBeLessThan(1 + households / 100);
  });
});
