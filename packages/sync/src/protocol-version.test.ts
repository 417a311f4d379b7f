import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorKinds } from './error-kinds';
import { wireLimits } from './limits';
import { PROTOCOL_SCHEMA_HASH, PROTOCOL_VERSION } from './protocol-version';
import { canonical } from './test-support/canonical';
import { sha256Hex } from './test-support/sha256';
import { wireSchemas } from './wire-schemas';

function wireHash(): string {
  const names = Object.keys(wireSchemas).sort() as (keyof typeof wireSchemas)[];
  const schemas = names.map((name) => [
    name,
    z.toJSONSchema(wireSchemas[name], { io: 'input', unrepresentable: 'any' }),
  ]);
  return sha256Hex(canonical({ schemas, wireLimits, errorKinds }));
}

/**
 * The schema hash of every version that shipped, written here by hand when it ships and never
 * edited after: tablets in the field speak it. Pinning the hash in protocol-version.ts alone let a
 * wire change land by re-taking that hash without a bump; this table is the independent record.
 */
const releasedHashes: Readonly<Record<number, string>> = {
  1: '6479e866a2e377d98d1814139aeec8d0d065de244109699e9a8c55ec76839f33',
};

describe('PROTOCOL_VERSION', () => {
  it('a released version keeps its hash: a wire change needs a new version, not a new hash', () => {
    const released = releasedHashes[PROTOCOL_VERSION];
    if (released !== undefined) {
      expect(
        PROTOCOL_SCHEMA_HASH,
        `Version ${PROTOCOL_VERSION} shipped with hash ${released}: bump PROTOCOL_VERSION instead of re-taking its hash.`,
      ).toBe(released);
    } else {
      // A version being prepared: it follows the last released one, with a hash of its own.
      expect(PROTOCOL_VERSION).toBe(Math.max(...Object.keys(releasedHashes).map(Number)) + 1);
      expect(Object.values(releasedHashes)).not.toContain(PROTOCOL_SCHEMA_HASH);
    }
  });

  it('is bumped whenever a wire schema, a limit or an error kind changes', () => {
    const hash = wireHash();
    expect(
      hash,
      `The wire changed. Bump PROTOCOL_VERSION (now ${PROTOCOL_VERSION}) in src/protocol-version.ts, add a history line, ` +
        `and set PROTOCOL_SCHEMA_HASH = '${hash}'. Tablets and server must agree on the new version.`,
    ).toBe(PROTOCOL_SCHEMA_HASH);
  });

  it('hash notices a change of any message', () => {
    const before = wireHash();
    const original = wireSchemas.pushRequest;
    // Replace one schema in a copy of the registry and hash it the same way.
    const altered = { ...wireSchemas, pushRequest: original.and(z.object({ extra: z.string() })) };
    const names = Object.keys(altered).sort() as (keyof typeof altered)[];
    const schemas = names.map((name) => [
      name,
      z.toJSONSchema(altered[name], { io: 'input', unrepresentable: 'any' }),
    ]);
    expect(sha256Hex(canonical({ schemas, wireLimits, errorKinds }))).not.toBe(before);
  });

  it('is a positive integer', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(1);
  });
});
