import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster from Debian's packages, for tests: `initdb` in a temp folder, a free
 * port on 127.0.0.1, trust authentication, and no fsync (a crash of the test machine loses nothing
 * worth keeping; the crash tests kill server processes and `pg_ctl stop -m immediate`, which fsync
 * does not change). As root, the binaries run as the `postgres` user, which refuses root.
 */
export type PostgresCluster = {
  readonly port: number;
  readonly dataDir: string;
  /** `postgres://` address of a database of this cluster. */
  url(database?: string): string;
  /** A new empty database (or a copy of `template`); its address. */
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** `immediate`: as if the machine lost power (no checkpoint, crash recovery at next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its folder. */
  remove(): Promise<void>;
};

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (version === undefined) {
    throw new Error(
      'PostgreSQL introuvable (/usr/lib/postgresql/*/bin/initdb) : installez le paquet Debian « postgresql » (le script de test le fait : scripts/ensure-postgres.sh).',
    );
  }
  return path.join(root, version, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function pgBin(bin: string, args: string[]): Promise<void> {
  const file = path.join(postgresBinDir(), bin);
  if (asRoot) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await run(file, args);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-pg-'));
  if (asRoot) await run('chown', ['postgres:postgres', dataDir]);
  await pgBin('initdb', [
    '-D',
    dataDir,
    '-U',
    'jigi',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const logFile = path.join(dataDir, 'server.log');
  const start = () =>
    pgBin('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
  await start();
  const url = (database = 'postgres') => `postgres://jigi@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  let running = true;
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await pgBin('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    running = false;
  };
  return {
    port,
    dataDir,
    url,
    async createDatabase(name, template) {
      await admin((c) =>
        c.query(
          `CREATE DATABASE "${name}"${template === undefined ? '' : ` TEMPLATE "${template}"`}`,
        ),
      );
      return url(name);
    },
    async dropDatabase(name) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
    stop,
    async start() {
      if (running) return;
      await start();
      running = true;
    },
    async remove() {
      await stop('immediate').catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new database of the cluster at `adminUrl` (a copy of `template` when given); its address. */
export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `CREATE DATABASE "${name}"${template === undefined ? '' : ` TEMPLATE "${template}"`}`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
