/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package promise (README): no clock, no randomness, no I/O in production code. ESLint bans some
// of these; this scan also catches the forms the lint rules do not (`new Date()`, `crypto`, globals).
const srcDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const forbidden: [string, RegExp][] = [
  ['Date.now', /\bDate\.now\b/],
  ['new Date() without arguments', /new\s+Date\s*\(\s*\)/],
  ['Math.random', /\bMath\.random\b/],
  ['crypto', /\bcrypto\b/],
  ['performance.now', /\bperformance\.now\b/],
  ['fetch', /\bfetch\s*\(/],
  ['process', /\bprocess\./],
  ['node: imports', /from\s+['"]node:/],
];

describe('purity of packages/domain', () => {
  const files = sourceFiles(srcDir);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(forbidden)('no %s in production code', (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the scan does catch what it looks for', () => {
    expect(forbidden.every(([, p]) => !p.test('const today = input.today;'))).toBe(true);
    expect(forbidden.some(([, p]) => p.test('const t = new Date();'))).toBe(true);
    expect(forbidden.some(([, p]) => p.test('crypto.randomUUID()'))).toBe(true);
  });
});
