import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8080 and ./data', () => {
    const loaded = loadConfig({});
    expect(loaded).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '127.0.0.1',
        dataDir: path.resolve('./data'),
        databaseUrl: undefined,
        workers: 1,
        poolSize: 10,
        staticDir: undefined,
        consoleDir: undefined,
        logLevel: 'info',
      },
    });
  });
  it('reads the README variables', () => {
    const loaded = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/jigi',
      STATIC_DIR: '/srv/dist',
      CONSOLE_DIR: '/srv/console',
      LOG_LEVEL: 'warn',
    });
    expect(loaded).toMatchObject({
      ok: true,
      config: {
        port: 9090,
        host: '0.0.0.0',
        dataDir: '/srv/jigi',
        staticDir: '/srv/dist',
        consoleDir: '/srv/console',
        logLevel: 'warn',
      },
    });
  });
  it('names the variable that is wrong', () => {
    const loaded = loadConfig({ PORT: 'huit mille' });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.message).toContain('PORT');
    expect(loadConfig({ LOG_LEVEL: 'bavard' }).ok).toBe(false);
  });
  it('takes PostgreSQL and several workers, and refuses several workers on SQLite', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://jigi@db.example:5432/jigi', WORKERS: '4' }),
    ).toMatchObject({
      ok: true,
      config: { databaseUrl: 'postgres://jigi@db.example:5432/jigi', workers: 4 },
    });
    const sqlite = loadConfig({ WORKERS: '2' });
    expect(sqlite.ok).toBe(false);
    expect(!sqlite.ok && sqlite.message).toContain('WORKERS');
    expect(!sqlite.ok && sqlite.message).toContain('PostgreSQL');
    const wrong = loadConfig({ DATABASE_URL: 'mysql://x' });
    expect(!wrong.ok && wrong.message).toContain('DATABASE_URL');
  });
});
