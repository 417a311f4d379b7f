import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { SUPERVISOR_NS } from '../i18n';

// Every literal key the console asks for exists in the French catalogue (a missing key would show
// its raw name to a supervisor). Keys built at run time are checked by the screens' tests.
const sources = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test-support/**'],
  { eager: true, query: '?raw', import: 'default' },
);

describe('supervisor catalogue', () => {
  const keys = new Set<string>();
  for (const text of Object.values(sources))
    for (const m of text.matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) if (m[1]) keys.add(m[1]);

  it('has every literal key in French', () => {
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter(
      (key) =>
        !i18n.exists(key, { ns: SUPERVISOR_NS, lng: 'fr', count: 1 }) &&
        !i18n.exists(key, { ns: SUPERVISOR_NS, lng: 'fr' }),
    );
    expect(missing).toEqual([]);
    expect(i18n.exists('batch.nope', { ns: SUPERVISOR_NS, lng: 'fr', count: 1 })).toBe(false);
  });
});
