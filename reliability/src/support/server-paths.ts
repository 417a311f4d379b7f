import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// apps are not packages (DESIGN.md §2): the suite reaches the server through its folder — its
// source for in-process fuzzing, its tsx loader for child processes, and its own better-sqlite3 for
// read-only inspection of the files it writes (so the suite tests the very driver the server uses).
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const serverDir = path.join(repoRoot, 'apps/server');
export const serverRequire = createRequire(path.join(serverDir, 'package.json'));
