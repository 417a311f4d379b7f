/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeAliases, maliAdminData, maliAdminSchema } from './admin-data';

describe('data/mali-admin.json', () => {
  it('matches its schema', () => {
    expect(maliAdminSchema.safeParse(maliAdminData).success).toBe(true);
  });

  it('is a verbatim copy of the shared reference file', () => {
    const shared = new URL('../../../../../shared/reference/mali-admin.json', import.meta.url);
    const copy = new URL('../../data/mali-admin.json', import.meta.url);
    // The shared folder sits beside the checkout on every developer machine and in CI: without it
    // this test cannot say anything, so it fails rather than pass unchecked.
    expect(
      existsSync(shared),
      `${fileURLToPath(shared)} is missing: the shared folder must sit beside the checkout`,
    ).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
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
