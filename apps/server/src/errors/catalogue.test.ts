import fs from 'node:fs';
import path from 'node:path';
import { errorKinds } from '@jigi/sync';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from './catalogue';

const doc = fs.readFileSync(path.join(import.meta.dirname, '../../docs/errors.md'), 'utf8');
const documented = [...doc.matchAll(/^\| `([a-z_]+)` *\| (\d{3}) *\| ([a-z_]+) *\|/gm)].map(
  (m) => ({
    code: m[1],
    status: Number(m[2]),
    kind: m[3],
  }),
);

describe('docs/errors.md', () => {
  it('lists exactly the codes of the catalogue, with the same status and kind', () => {
    const fromCode = Object.entries(errorCatalogue).map(([code, e]) => ({
      code,
      status: e.status,
      kind: e.kind,
    }));
    expect(documented).toEqual(fromCode);
  });
  it('uses only kinds that clients know', () => {
    for (const e of Object.values(errorCatalogue))
      expect(Object.keys(errorKinds)).toContain(e.kind);
  });
});
