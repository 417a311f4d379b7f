import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serverDir, serverRequire } from './server-paths';
import { processTempDir } from './temp-dirs';

type Esbuild = { build(options: Record<string, unknown>): Promise<unknown> };
type OnResolveArgs = { path: string };
type PluginBuild = {
  onResolve(
    options: { filter: RegExp },
    callback: (args: OnResolveArgs) => { path: string; external: boolean },
  ): void;
};

/**
 * The server (`src/server.ts`, unchanged) bundled into one ES module with the esbuild that tsx
 * ships, once per test process. Restarting it takes a fraction of what tsx needs to load the
 * TypeScript sources again — which on a shared 2-core machine is what makes 200 kills affordable.
 * better-sqlite3 (native) stays outside, imported from the server's own node_modules.
 */
let bundled: Promise<string> | undefined;
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const tsxDir = fs.realpathSync(path.join(serverDir, 'node_modules/tsx'));
    const esbuild = createRequire(path.join(tsxDir, 'package.json'))('esbuild') as Esbuild;
    const sqlite = serverRequire.resolve('better-sqlite3');
    const dir = processTempDir('bundle');
    const outfile = path.join(dir, 'server.mjs');
    await esbuild.build({
      entryPoints: [path.join(serverDir, 'src/server.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: {
        js: "import { createRequire as __jigiCreateRequire } from 'node:module'; const require = __jigiCreateRequire(import.meta.url);",
      },
      plugins: [
        {
          name: 'native-sqlite',
          setup(build: PluginBuild) {
            build.onResolve({ filter: /^better-sqlite3$/ }, () => ({
              path: sqlite,
              external: true,
            }));
          },
        },
      ],
    });
    return outfile;
  })();
  return bundled;
}
