import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n';

// Every literal key the console asks for exists in the French catalogue of a namespace its file uses
// (a missing key would show its raw name on screen). Keys built at run time are checked by the
// screens' tests.
const sources = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test-support/**'],
  { eager: true, query: '?raw', import: 'default' },
);

/** The namespaces a file reads: `useTranslation('x')`, `useSupervisorT()`, `useTranslation()` (common). */
function namespacesOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/useTranslation\(\s*'([\w-]+)'\s*\)/g)) if (m[1]) out.add(m[1]);
  if (/useTranslation\(\s*\)/.test(text)) out.add('common');
  // Screens get `t` of the supervisor namespace from their hook or as an argument from one that has it.
  if (/useSupervisorT\(\)|TFunction/.test(text)) out.add('supervisor');
  return [...out];
}

function exists(key: string, namespaces: readonly string[]): boolean {
  const colon = key.indexOf(':');
  const candidates = colon === -1 ? namespaces : [key.slice(0, colon)];
  const bare = colon === -1 ? key : key.slice(colon + 1);
  return candidates.some(
    (ns) => i18n.exists(bare, { ns, lng: 'fr' }) || i18n.exists(bare, { ns, lng: 'fr', count: 1 }),
  );
}

describe('console catalogue', () => {
  it('has every literal key in French, in a namespace the file reads', () => {
    let count = 0;
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      const namespaces = namespacesOf(text);
      for (const m of text.matchAll(/\bt\('([a-zA-Z][\w.:-]*)'/g)) {
        const key = m[1] ?? '';
        count++;
        if (!exists(key, namespaces)) missing.push(`${file}: ${key}`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(missing).toEqual([]);
    expect(exists('batch.nope', ['supervisor'])).toBe(false);
  });
});
