import type pg from 'pg';
import { StoreSchemaTooNewError } from '../store-errors';

/**
 * Numbered schema migrations of the PostgreSQL backend, applied in order, each in its own
 * transaction; `schema_version` holds the last applied number. Never edit a shipped migration: add
 * the next one, with a test from the previous shape (migrations.test.ts). The tables are those of
 * the SQLite backend (sqlite/migrations.ts) so that a deployment can be copied from one to the other
 * (cli/copy-to-postgres.ts); JSON stays text, as written, so a copy's content hash is the original's.
 * History, one line per version:
 *
 * 1 — everything SQLite's v1–v5 hold, plus `change_counter`: pull sequences are given at commit
 *     time under its row lock (store.ts, promise 3), not by a sequence at insert time.
 * 2 — targeting, as SQLite's v6: PMT formulas and adoptions, scores kept per formula and record
 *     version, the register of enrolled households and its events.
 * 3 — records by type in id order (byte order, as the pages compare ids), as SQLite's v7: an
 *     export's keyset pages read from where the last stopped instead of sorting every record of the type.
 * 4 — key_shares, as SQLite's v8: the server's share of each user's data key on a tablet.
 * 5 — devices.reported_unsynced, as SQLite's v9: the changes a tablet said it still held.
 */
export const postgresMigrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE users (
        id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','supervisor','enumerator','facilitator','field_agent')),
        password_hash TEXT NOT NULL, active BOOLEAN NOT NULL DEFAULT TRUE, created_at TEXT NOT NULL
      );
      CREATE TABLE user_zones (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, zone TEXT NOT NULL,
        PRIMARY KEY (user_id, zone)
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
        last_mutation_id BIGINT NOT NULL DEFAULT 0, last_seen_at TEXT
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL
      );
      CREATE TABLE villages (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, commune_code TEXT NOT NULL, data TEXT NOT NULL,
        version INTEGER NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE beneficiary_households (
        id TEXT PRIMARY KEY, village_id TEXT NOT NULL REFERENCES villages(id), data TEXT NOT NULL,
        version INTEGER NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX beneficiary_households_village ON beneficiary_households(village_id);
      CREATE TABLE microprojects (
        id TEXT PRIMARY KEY, data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE microproject_villages (
        microproject_id TEXT NOT NULL REFERENCES microprojects(id) ON DELETE CASCADE,
        village_id TEXT NOT NULL REFERENCES villages(id), PRIMARY KEY (microproject_id, village_id)
      );
      CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT, details TEXT
      );
      CREATE TABLE records (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, village_id TEXT NOT NULL, version INTEGER NOT NULL,
        data TEXT NOT NULL, field_versions TEXT NOT NULL, deleted BOOLEAN NOT NULL DEFAULT FALSE,
        review_status TEXT NOT NULL DEFAULT 'received' CHECK (review_status IN ('received','approved','returned','rejected')),
        warnings TEXT NOT NULL DEFAULT '[]', created_by TEXT NOT NULL, device_id TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX records_village_type ON records(village_id, type);
      CREATE INDEX records_type ON records(type, deleted);
      CREATE TABLE record_versions (
        record_id TEXT NOT NULL REFERENCES records(id), version INTEGER NOT NULL, op TEXT NOT NULL,
        changes TEXT NOT NULL, overwritten TEXT NOT NULL DEFAULT '[]', actor TEXT NOT NULL,
        user_id TEXT, device_id TEXT, mutation_id BIGINT, server_time TEXT NOT NULL, client_time TEXT,
        PRIMARY KEY (record_id, version)
      );
      CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);
      INSERT INTO change_counter (id, seq) VALUES (1, 0);
      CREATE TABLE changes (
        seq BIGINT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        village_id TEXT, record_type TEXT, audience_user_id TEXT, echo_device_id TEXT,
        UNIQUE (entity, entity_id)
      );
      CREATE INDEX changes_echo_device ON changes(echo_device_id) WHERE echo_device_id IS NOT NULL;
      CREATE TABLE batches (
        number BIGSERIAL PRIMARY KEY, batch_id TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id),
        user_id TEXT NOT NULL REFERENCES users(id), received_at TEXT NOT NULL, client_time TEXT NOT NULL,
        clock_offset_ms BIGINT NOT NULL, counts TEXT NOT NULL, villages TEXT NOT NULL
      );
      CREATE INDEX batches_received ON batches(received_at);
      CREATE TABLE batch_records (
        batch_number BIGINT NOT NULL REFERENCES batches(number), record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL, PRIMARY KEY (batch_number, record_id, version)
      );
      CREATE INDEX batch_records_record ON batch_records(record_id);
      CREATE TABLE device_mutations (
        device_id TEXT NOT NULL REFERENCES devices(id), mutation_id BIGINT NOT NULL, record_id TEXT NOT NULL,
        result TEXT NOT NULL, batch_number BIGINT, PRIMARY KEY (device_id, mutation_id)
      );
      CREATE TABLE quarantine (
        id BIGSERIAL PRIMARY KEY, device_id TEXT NOT NULL, user_id TEXT NOT NULL,
        mutation_id BIGINT NOT NULL, batch_number BIGINT, reason_code TEXT NOT NULL, reason TEXT NOT NULL,
        input TEXT NOT NULL, received_at TEXT NOT NULL
      );
      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id), path TEXT NOT NULL,
        server_value TEXT NOT NULL, incoming_value TEXT NOT NULL, base_version INTEGER NOT NULL,
        server_version INTEGER NOT NULL, server_by TEXT, device_id TEXT NOT NULL, user_id TEXT NOT NULL,
        mutation_id BIGINT NOT NULL, created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
        resolved_value TEXT, resolved_by TEXT, resolved_at TEXT, resolved_version INTEGER
      );
      CREATE INDEX conflicts_record ON conflicts(record_id, status);
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id), user_id TEXT NOT NULL,
        comment TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')), closed_at TEXT
      );
      CREATE INDEX tasks_record ON tasks(record_id, status);
      CREATE TABLE review_decisions (
        id BIGSERIAL PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL, decision TEXT NOT NULL, comment TEXT, user_id TEXT NOT NULL, at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE pmt_formulas (
        version TEXT PRIMARY KEY, label TEXT NOT NULL, demo BOOLEAN NOT NULL,
        data TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL
      );
      CREATE TABLE pmt_adoptions (
        id BIGSERIAL PRIMARY KEY, formula_version TEXT NOT NULL REFERENCES pmt_formulas(version),
        adopted_by TEXT NOT NULL, adopted_at TEXT NOT NULL
      );
      CREATE TABLE pmt_scores (
        record_id TEXT NOT NULL REFERENCES records(id), record_version INTEGER NOT NULL,
        formula_version TEXT NOT NULL REFERENCES pmt_formulas(version), village_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('scored','missing_answers','no_model')),
        score DOUBLE PRECISION, zone_type TEXT NOT NULL, detail TEXT NOT NULL, computed_at TEXT NOT NULL,
        PRIMARY KEY (record_id, formula_version, record_version)
      );
      CREATE INDEX pmt_scores_village ON pmt_scores(village_id, formula_version);
      CREATE TABLE enrolments (
        id TEXT PRIMARY KEY, village_id TEXT NOT NULL REFERENCES villages(id),
        household_code TEXT NOT NULL, ciblage_record_id TEXT NOT NULL UNIQUE REFERENCES records(id),
        state TEXT NOT NULL CHECK (state IN ('enrolled','suspended','exited')),
        data TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX enrolments_village ON enrolments(village_id, state);
      CREATE TABLE enrolment_events (
        id BIGSERIAL PRIMARY KEY, enrolment_id TEXT NOT NULL REFERENCES enrolments(id),
        action TEXT NOT NULL, before TEXT, after TEXT NOT NULL, user_id TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX enrolment_events_enrolment ON enrolment_events(enrolment_id);
    `,
  },
  {
    version: 3,
    sql: `
      CREATE INDEX records_type_id ON records(type, deleted, id COLLATE "C");
      DROP INDEX records_type;
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE key_shares (
        key_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        device_id TEXT NOT NULL REFERENCES devices(id), share TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX key_shares_device ON key_shares(device_id);
    `,
  },
  {
    version: 5,
    sql: `
      ALTER TABLE devices ADD COLUMN reported_unsynced INTEGER CHECK (reported_unsynced >= 0);
    `,
  },
];

/**
 * Applies the migrations above the database's version, up to `target` (all by default). Several
 * server processes may start at once: an advisory lock lets one migrate while the others wait.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  target = postgresMigrations.length,
): Promise<void> {
  await client.query('SELECT pg_advisory_lock(7305)');
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = await client.query<{ version: number }>(
      'SELECT max(version) AS version FROM schema_version',
    );
    const current = row.rows[0]?.version ?? 0;
    if (current > postgresMigrations.length) {
      throw new StoreSchemaTooNewError(current, postgresMigrations.length);
    }
    for (const m of postgresMigrations) {
      if (m.version <= current || m.version > target) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
      } catch (e: unknown) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7305)');
  }
}
