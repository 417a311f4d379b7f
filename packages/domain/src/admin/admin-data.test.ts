/// <reference types="node" />
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeAliases, maliAdminData, maliAdminSchema } from './admin-data';

/** SHA-256 of shared/reference/mali-admin.json as copied into data/. */
const REFERENCE_SHA256 = '4d628912dab8f810c28eca752699732366eed0e382515463e7dafdf5ce8683dd';
const sha256 = (file: URL) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('data/mali-admin.json', () => {
  it('matches its schema', () => {
    expect(maliAdminSchema.safeParse(maliAdminData).success).toBe(true);
  });

  it('is a verbatim copy of the shared reference file', () => {
    const shared = new URL('../../../../../shared/reference/mali-admin.json', import.meta.url);
    const copy = new URL('../../data/mali-admin.json', import.meta.url);
    // The copy is pinned by the reference's hash, so an edit to it fails everywhere, CI included
    // (a clean clone has no shared folder beside it). Where the shared folder is present, the
    // reference itself is checked too: a new reference fails here until it is copied and re-pinned.
    expect(sha256(copy), 'data/mali-admin.json differs from the reference it copies').toBe(
      REFERENCE_SHA256,
    );
    if (existsSync(shared))
      expect(sha256(shared), `${fileURLToPath(shared)} changed: copy it again, re-pin`).toBe(
        REFERENCE_SHA256,
      );
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
