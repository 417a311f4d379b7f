import { describe, expect, it } from 'vitest';
import { batchHead, pushBodyText, toWireMutation } from '@jigi/sync';
import { exportFileName, exportFileText, parseExportFile } from './export-file';
import type { OutboxRow } from '../storage/types';

const R = '0b6f3c1e-1111-4aaa-8bbb-00000000000';
const B = '0b6f3c1e-2222-4aaa-8bbb-00000000000';
const row = (i: number): OutboxRow => ({
  seq: i,
  userId: 'u1',
  recordId: `${R}${i}`,
  recordType: 'ciblage_household',
  op: 'patch',
  baseVersion: 2,
  changes: { a: i },
  clientTime: '2026-01-01T00:00:00.000Z',
  state: 'in_flight',
});
const body = (batch: number, ids: number[]) =>
  pushBodyText(
    batchHead({
      deviceId: 'dev-1',
      batchId: `${B}${batch}`,
      clientTime: '2026-01-01T00:00:00.000Z',
    }),
    ids.map((id) => toWireMutation(row(id), id)),
  );

describe('export file', () => {
  it('embeds the frozen push bodies verbatim and reads back', () => {
    const bodies = [body(1, [1, 2]), body(2, [3])];
    const text = exportFileText(
      { deviceId: 'dev-1', userId: 'u1', exportedAt: '2026-01-02T10:30:00.000Z' },
      bodies,
    );
    expect(text).toContain(bodies[0]);
    expect(text).toContain(bodies[1]);
    const parsed = parseExportFile(text);
    expect(parsed.ok && parsed.file.pushes.map((p) => p.mutations.length)).toEqual([2, 1]);
  });

  it('refuses a file with a gap, another device, or not JSON', () => {
    expect(
      parseExportFile(
        exportFileText(
          { deviceId: 'dev-1', userId: 'u1', exportedAt: '2026-01-02T10:30:00.000Z' },
          [body(1, [1]), body(2, [3])],
        ),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'gap' } });
    expect(parseExportFile('{"format":"x"}')).toMatchObject({
      ok: false,
      error: { kind: 'not_export' },
    });
    expect(parseExportFile('{')).toMatchObject({ ok: false, error: { kind: 'not_json' } });
  });

  it('names the file after the device and the time', () => {
    expect(exportFileName('dev/1', '2026-01-02T10:30:00.000Z')).toBe(
      'jigi-export-dev_1-20260102-1030.json.gz',
    );
  });
});
