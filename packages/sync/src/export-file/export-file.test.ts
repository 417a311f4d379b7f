import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol-version';
import { canonical } from '../test-support/canonical';
import { sha256Hex } from '../test-support/sha256';
import {
  EXPORT_FORMAT_SCHEMA_HASH,
  EXPORT_FORMAT_VERSION,
  exportFileHeadSchema,
  exportFileText,
  parseExportFile,
} from './export-file';

const head = { deviceId: 'dev-1', userId: 'u1', exportedAt: '2026-01-02T10:30:00.000Z' };
const batch = (n: number) => `0b6f3c1e-2222-4aaa-8bbb-00000000000${n}`;
const mutation = (id: number) => ({
  mutationId: id,
  recordId: `0b6f3c1e-1111-4aaa-8bbb-00000000000${id}`,
  recordType: 'ciblage_household',
  op: 'patch',
  baseVersion: 2,
  changes: { a: id },
  clientTime: '2026-01-01T00:00:00.000Z',
});
const body = (n: number, ids: number[], deviceId = 'dev-1') =>
  JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    deviceId,
    batchId: batch(n),
    clientTime: '2026-01-01T00:00:00.000Z',
    clockOffsetMs: -3_600_000,
    mutations: ids.map(mutation),
  });

describe('export file', () => {
  it('embeds push bodies verbatim and reads them back', () => {
    const bodies = [body(1, [1, 2]), body(2, [3])];
    const text = exportFileText(head, bodies);
    for (const b of bodies) expect(text).toContain(b);
    const parsed = parseExportFile(text);
    expect(parsed.ok && parsed.file).toMatchObject({
      ...head,
      formatVersion: EXPORT_FORMAT_VERSION,
      pushes: [{ clockOffsetMs: -3_600_000 }, { batchId: batch(2) }],
    });
    expect(parsed.ok && parsed.file.pushes.map((p) => p.mutations.length)).toEqual([2, 1]);
  });

  it.each([
    ['not JSON', '{', 'not_json', undefined],
    ['another format', '{"format":"x"}', 'not_export', 'format'],
    ['an array', '[1]', 'not_export', 'format'],
    [
      'a later format version',
      exportFileText(head, [body(1, [1])]).replace('"formatVersion":1', '"formatVersion":2'),
      'unsupported_format_version',
      'formatVersion',
    ],
    ['no pushes', exportFileText(head, []), 'invalid', 'pushes'],
    [
      'a bad exportedAt',
      exportFileText({ ...head, exportedAt: 'hier' }, [body(1, [1])]),
      'invalid',
      'exportedAt',
    ],
    [
      'a malformed mutation',
      exportFileText(head, [body(1, [1]).replace('"op":"patch"', '"op":"rename"')]),
      'invalid',
      'pushes.0.mutations.0.op',
    ],
    [
      'a push of another device',
      exportFileText(head, [body(1, [1]), body(2, [2], 'dev-2')]),
      'invalid',
      'pushes.1.deviceId',
    ],
    ['a gap between pushes', exportFileText(head, [body(1, [1]), body(2, [3])]), 'gap', 'pushes'],
  ] as const)('refuses %s, naming the field', (_name, text, kind, path) => {
    const parsed = parseExportFile(text);
    expect(parsed).toMatchObject({ ok: false, error: { kind } });
    if (!parsed.ok) {
      expect(parsed.error.path).toBe(path);
      if (path !== undefined) expect(parsed.error.message).toContain(path);
    }
  });

  it('changes its head only with a format version bump', () => {
    const hash = sha256Hex(
      canonical(z.toJSONSchema(exportFileHeadSchema, { io: 'input', unrepresentable: 'any' })),
    );
    expect(
      hash,
      `The export file head changed: bump EXPORT_FORMAT_VERSION, add a history line, set EXPORT_FORMAT_SCHEMA_HASH = '${hash}'.`,
    ).toBe(EXPORT_FORMAT_SCHEMA_HASH);
  });
});
