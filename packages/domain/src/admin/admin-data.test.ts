/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communeAliases, maliAdminData, maliAdminSchema } from './admin-data';

describe('data/mali-admin.json', () => {
  it('matches its schema', () => {
    expect(maliAdminSchema.safeParse(maliAdminData).success).toBe(true);
  });

  it('is a verbatim copy of the shared reference file', () => {
    const shared = new URL('../../../../../shared/reference/mali-admin.json', import.meta.url);
    const copy = new URL('../../data/mali-admin.json', import.meta.url);
    let reference: string;
    try {
      reference = readFileSync(shared, 'utf8');
    } catch {
      return; // the shared folder is beside the checkout only on the build machine
    }
    expect(readFileSync(copy, 'utf8')).toBe(reference);
  });

  it('codes are unique and each child code extends its parent code', () => {
    const seen = new Set<string>();
    for (const r of maliAdminData.regions) {
      for (const c of r.cercles) {
        expect(c.code.startsWith(`${r.code}.`)).toBe(true);
        for (const m of c.communes) {
          expect(m.code.startsWith(`${c.code}.`)).toBe(true);
          expect(seen.has(m.code)).toBe(false);
          seen.add(m.code);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(250);
  });

  it('every alias points at an existing commune', () => {
    const codes = new Set(
      maliAdminData.regions.flatMap((r) => r.cercles.flatMap((c) => c.communes.map((m) => m.code))),
    );
    for (const code of Object.keys(communeAliases)) expect(codes.has(code)).toBe(true);
  });
});
