import fs from 'node:fs';
import path from 'node:path';
import { serverDir } from '../support/server-paths';

/**
 * The stable codes of apps/server/docs/errors.md (code → status), read from the document itself:
 * an answer whose code is not in the table, or comes with another status, fails the fuzz test.
 */
export function documentedErrors(): Map<string, number> {
  const text = fs.readFileSync(path.join(serverDir, 'docs/errors.md'), 'utf8');
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^\| `([a-z_]+)` *\| (\d{3}) *\|/gm))
    if (m[1] !== undefined) out.set(m[1], Number(m[2]));
  return out;
}
