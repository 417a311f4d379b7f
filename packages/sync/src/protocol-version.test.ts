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

describe('PROTOCOL_VERSION', () => {
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
