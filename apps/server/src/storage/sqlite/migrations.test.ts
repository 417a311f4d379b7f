import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';
import { StoreSchemaTooNewError } from '../store-errors';
import { openDatabase } from './open-database';
import { openSqliteStore } from './sqlite-store';

// Each migration is run on a database holding data in the previous shape; that data must survive
// and the new tables must accept rows tied to it (foreign keys on).
describe('SQL migrations', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-mig-'));
    db = openDatabase(path.join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const version = () => db.pragma('user_version', { simple: true });

  it('are numbered 1..n without gaps and open in WAL mode with foreign keys', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('1: creates accounts and reference data from an empty file', () => {
    migrate(db, 1);
    expect(version()).toBe(1);
    db.prepare(
      "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u1', 'enq', 'E', 'enumerator', 'h', 't')",
    ).run();
    db.prepare(
      "INSERT INTO villages (id, name, commune_code, data, version, updated_at) VALUES ('v1', 'V', 'mopti.koro.bamba', '{}', 1, 't')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u2', 'x', 'X', 'chef', 'h', 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('2: adds sync tables to a version-1 database and keeps its accounts', () => {
    migrate(db, 1);
    db.prepare(
      "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u1', 'enq', 'E', 'enumerator', 'h', 't')",
    ).run();
    db.prepare(
      "INSERT INTO devices (id, user_id, label, token_hash, created_at) VALUES ('d1', 'u1', 'T', 'th', 't')",
    ).run();
    migrate(db, 2);
    expect(version()).toBe(2);
    expect(db.prepare('SELECT last_mutation_id FROM devices WHERE id = ?').get('d1')).toEqual({
      last_mutation_id: 0,
    });
    db.prepare(
      "INSERT INTO batches (batch_id, device_id, user_id, received_at, client_time, clock_offset_ms, counts, villages) VALUES ('b', 'd1', 'u1', 't', 't', 0, '{}', '[]')",
    ).run();
    db.prepare(
      "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES ('r1', 'ciblage_household', 'v1', 1, '{}', '{}', 'u1', 'd1', 't', 't')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO batches (batch_id, device_id, user_id, received_at, client_time, clock_offset_ms, counts, villages) VALUES ('b', 'nope', 'u1', 't', 't', 0, '{}', '[]')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('3: adds the review tables to a version-2 database and keeps its records', () => {
    migrate(db, 2);
    db.prepare(
      "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES ('r1', 'ciblage_household', 'v1', 2, '{\"a\":1}', '{}', 'u1', 'd1', 't', 't')",
    ).run();
    migrate(db, 3);
    expect(version()).toBe(3);
    expect(db.prepare('SELECT version, data, review_status FROM records').get()).toEqual({
      version: 2,
      data: '{"a":1}',
      review_status: 'received',
    });
    db.prepare(
      "INSERT INTO conflicts (id, record_id, path, server_value, incoming_value, base_version, server_version, device_id, user_id, mutation_id, created_at) VALUES ('c1', 'r1', 'p', '1', '2', 1, 2, 'd', 'u', 1, 't')",
    ).run();
    db.prepare(
      "INSERT INTO tasks (id, record_id, user_id, comment, created_by, created_at) VALUES ('t1', 'r1', 'u1', 'x', 's', 't')",
    ).run();
    expect(db.prepare('SELECT status FROM conflicts').get()).toEqual({ status: 'open' });
  });

  it('4: adds the echo device to the change log of a version-3 database and keeps its entries', () => {
    migrate(db, 3);
    db.prepare(
      "INSERT INTO changes (entity, entity_id, village_id, record_type) VALUES ('record', 'r1', 'v1', 'ciblage_household')",
    ).run();
    migrate(db, 4);
    expect(version()).toBe(4);
    expect(db.prepare('SELECT seq, entity_id, echo_device_id FROM changes').get()).toEqual({
      seq: 1,
      entity_id: 'r1',
      echo_device_id: null,
    });
    db.prepare(
      "INSERT INTO changes (entity, entity_id, echo_device_id) VALUES ('record', 'r2', 'd1')",
    ).run();
    expect(db.prepare("SELECT entity_id FROM changes WHERE echo_device_id = 'd1'").all()).toEqual([
      { entity_id: 'r2' },
    ]);
  });

  it('5: indexes records by type on a version-4 database, and the HIMO roll query uses it', () => {
    migrate(db, 4);
    db.prepare(
      "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES ('w1', 'himo_worker', 'v1', 1, '{\"projectId\":\"p1\"}', '{}', 'u1', 'd1', 't', 't')",
    ).run();
    migrate(db, 5);
    expect(version()).toBe(5);
    const byField =
      "SELECT id FROM records WHERE type = ? AND deleted = 0 AND json_extract(data, '$.' || ?) = ?";
    expect(db.prepare(byField).all('himo_worker', 'projectId', 'p1')).toEqual([{ id: 'w1' }]);
    const plan = db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${byField}`)
      .all('himo_worker', 'projectId', 'p1')
      .map((p) => p.detail);
    expect(plan.join(' ')).toContain('USING INDEX records_type');
  });

  it('6: adds the targeting tables to a version-5 database; scores keep history and refuse a bad outcome', () => {
    migrate(db, 5);
    db.prepare(
      "INSERT INTO villages (id, name, commune_code, data, version, updated_at) VALUES ('v1', 'V', 'mopti.koro.bamba', '{}', 1, 't')",
    ).run();
    db.prepare(
      "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES ('h1', 'ciblage_household', 'v1', 2, '{}', '{}', 'u1', 'd1', 't', 't')",
    ).run();
    migrate(db, 6);
    expect(version()).toBe(6);
    db.prepare(
      "INSERT INTO pmt_formulas (version, label, demo, data, uploaded_by, uploaded_at) VALUES ('f1', 'F', 1, '{}', 'u1', 't')",
    ).run();
    const score = db.prepare(
      "INSERT INTO pmt_scores (record_id, record_version, formula_version, village_id, outcome, score, zone_type, detail, computed_at) VALUES ('h1', ?, 'f1', 'v1', ?, 11.5, 'default', '{}', 't')",
    );
    score.run(1, 'scored');
    score.run(2, 'scored');
    expect(() => score.run(3, 'guessed')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM pmt_scores').get()).toEqual({ n: 2 });
    db.prepare(
      "INSERT INTO enrolments (id, village_id, household_code, ciblage_record_id, state, data, version, created_at, updated_at) VALUES ('e1', 'v1', 'C1', 'h1', 'enrolled', '{}', 1, 't', 't')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO enrolments (id, village_id, household_code, ciblage_record_id, state, data, version, created_at, updated_at) VALUES ('e2', 'v1', 'C1', 'h1', 'enrolled', '{}', 1, 't', 't')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('7: pages records of a type in id order without sorting them, on a version-6 database', () => {
    migrate(db, 6);
    const insert = db.prepare(
      "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES (?, ?, 'v1', 1, '{}', '{}', 'u1', 'd1', 't', 't')",
    );
    for (const [id, type] of [
      ['r3', 'ciblage_household'],
      ['r1', 'ciblage_household'],
      ['w1', 'himo_worker'],
      ['r2', 'ciblage_household'],
    ])
      insert.run(id, type);
    migrate(db, 7);
    expect(version()).toBe(7);
    const page =
      'SELECT id FROM records WHERE type = ? AND village_id IN (SELECT value FROM json_each(?)) AND id > ? AND deleted = 0 ORDER BY id LIMIT ?';
    const args = ['ciblage_household', '["v1"]', 'r1', 500];
    expect(db.prepare(page).all(...args)).toEqual([{ id: 'r2' }, { id: 'r3' }]);
    const plan = db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${page}`)
      .all(...args)
      .map((p) => p.detail)
      .join(' ');
    expect(plan).toContain('USING INDEX records_type_id');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('8: adds key_shares to a version-7 database, tied to its users and devices', () => {
    migrate(db, 7);
    db.prepare(
      "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u1', 'enq', 'E', 'enumerator', 'h', 't')",
    ).run();
    db.prepare(
      "INSERT INTO devices (id, user_id, label, token_hash, created_at) VALUES ('d1', 'u1', 'Tablette', 'th', 't')",
    ).run();
    migrate(db, 8);
    expect(version()).toBe(8);
    const insert = db.prepare(
      'INSERT INTO key_shares (key_id, user_id, device_id, share, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('k1', 'u1', 'd1', 'c2hhcmU=', 't', 't');
    expect(db.prepare('SELECT user_id, device_id FROM key_shares').all()).toEqual([
      { user_id: 'u1', device_id: 'd1' },
    ]);
    expect(() => insert.run('k2', 'u1', 'no-such-device', 's', 't', 't')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });
  });

  it('9: gives a version-8 database’s tablets an unreported unsynced count', () => {
    migrate(db, 8);
    db.prepare(
      "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u1', 'enq', 'E', 'enumerator', 'h', 't')",
    ).run();
    db.prepare(
      "INSERT INTO devices (id, user_id, label, token_hash, created_at) VALUES ('d1', 'u1', 'Tablette', 'th', 't')",
    ).run();
    migrate(db, 9);
    expect(version()).toBe(9);
    expect(db.prepare('SELECT reported_unsynced FROM devices').get()).toEqual({
      reported_unsynced: null,
    });
    expect(() =>
      db.prepare("UPDATE devices SET reported_unsynced = -1 WHERE id = 'd1'").run(),
    ).toThrow(/CHECK/);
  });

  it('is idempotent: running all migrations twice changes nothing', () => {
    migrate(db);
    migrate(db);
    expect(version()).toBe(migrations.length);
  });

  it('refuses a file of a newer schema, saying so, and the store does not open it', () => {
    migrate(db);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => {
      migrate(db);
    }).toThrow(StoreSchemaTooNewError);
    expect(() => {
      migrate(db);
    }).toThrow(`v${migrations.length + 1}`);
    db.close();
    expect(() => openSqliteStore(path.join(dir, 'db.sqlite'))).toThrow('plus récent');
    db = openDatabase(path.join(dir, 'db.sqlite'));
  });
});
