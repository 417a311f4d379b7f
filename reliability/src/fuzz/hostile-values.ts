import fc from 'fast-check';

/** Strings that break naive SQL, HTML, templates, paths and parsers. */
export const injections = [
  "' OR '1'='1",
  "'; DROP TABLE records; --",
  '"); DELETE FROM users; --',
  "1; UPDATE users SET role='admin'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('return process')()}}",
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  '\u202eRTL',
  '\ud800',
  '𝕁𝕚𝕘𝕚 🇲🇱',
  'Ɲɛlɛ Kɔnɛ',
  '%00%0d%0a',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '',
  ' '.repeat(300),
  'a'.repeat(70),
] as const;

/** Any value a hostile or broken client could put where a field belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...injections) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 2 ** 53, -(2 ** 31), 1.5, [], {}),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'é'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000, max: 60_000 })
      .map((n) => Array.from({ length: n }, (_, i) => i)),
  },
  { weight: 1, arbitrary: fc.constant({ __proto__: { admin: true } }) },
);

/** A huge body (over the 2 MB push limit once decoded). */
export const hugeString = (bytes: number) => 'x'.repeat(bytes);
