import type Database from 'better-sqlite3';
import { StoreSchemaTooNewError } from '../store-errors';

/**
 * Numbered schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * holds the last applied number. Never edit a shipped migration: add the next one. Each has a test
 * from the previous shape (migrations.test.ts). History, one line per version:
 *
 * 1 — accounts (users, zones, devices, sessions), reference data (villages, beneficiary households,
 *     microprojects, settings), meta (epoch), audit log.
 * 2 — sync: records, record versions, change log (pull), device mutations (exactly-once), batches,
 *     quarantine.
 * 3 — review: conflict queue, returned-for-correction tasks, review decisions.
 * 4 — changes.echo_device_id: the device whose applied write is the entity's latest change (pull
 *     does not send a device its own writes back), indexed for the reset a restore refetch needs.
 * 5 — records by type: a HIMO push reads its project's roll and sheets (records of one type) once.
 * 6 — targeting: PMT formula versions and their adoptions, scores per (household record, record
 *     version, formula version) kept as history, the register of enrolled households and its events.
 * 7 — records by type in id order (replaces v5's index, same prefix): an export's keyset pages read
 *     500 records by id from where the last stopped instead of sorting every record of the type.
 * 8 — key_shares: the server's share of each user's data key on a tablet, by the key id the tablet
 *     made, bound to the device that last received it (docs/tablet-security.md).
 * 9 — devices.reported_unsynced: how many changes the tablet said it still held after its last push
 *     (the back office's tablets list); NULL until a tablet reports.
 */
export const migrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE users (
        id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','supervisor','enumerator','facilitator','field_agent')),
        password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE user_zones (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, zone TEXT NOT NULL,
        PRIMARY KEY (user_id, zone)
      ) STRICT;
      CREATE TABLE devices (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
        last_mutation_id INTEGER NOT NULL DEFAULT 0, last_seen_at TEXT
      ) STRICT;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE villages (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, commune_code TEXT NOT NULL, data TEXT NOT NULL,
        version INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE beneficiary_households (
        id TEXT PRIMARY KEY, village_id TEXT NOT NULL REFERENCES villages(id), data TEXT NOT NULL,
        version INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX beneficiary_households_village ON beneficiary_households(village_id);
      CREATE TABLE microprojects (
        id TEXT PRIMARY KEY, data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE microproject_villages (
        microproject_id TEXT NOT NULL REFERENCES microprojects(id) ON DELETE CASCADE,
        village_id TEXT NOT NULL REFERENCES villages(id), PRIMARY KEY (microproject_id, village_id)
      ) STRICT;
      CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT, details TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE records (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, village_id TEXT NOT NULL, version INTEGER NOT NULL,
        data TEXT NOT NULL, field_versions TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        review_status TEXT NOT NULL DEFAULT 'received' CHECK (review_status IN ('received','approved','returned','rejected')),
        warnings TEXT NOT NULL DEFAULT '[]', created_by TEXT NOT NULL, device_id TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX records_village_type ON records(village_id, type);
      CREATE TABLE record_versions (
        record_id TEXT NOT NULL REFERENCES records(id), version INTEGER NOT NULL, op TEXT NOT NULL,
        changes TEXT NOT NULL, overwritten TEXT NOT NULL DEFAULT '[]', actor TEXT NOT NULL,
        user_id TEXT, device_id TEXT, mutation_id INTEGER, server_time TEXT NOT NULL, client_time TEXT,
        PRIMARY KEY (record_id, version)
      ) STRICT;
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        village_id TEXT, record_type TEXT, audience_user_id TEXT, UNIQUE (entity, entity_id)
      ) STRICT;
      CREATE TABLE batches (
        number INTEGER PRIMARY KEY AUTOINCREMENT, batch_id TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id),
        user_id TEXT NOT NULL REFERENCES users(id), received_at TEXT NOT NULL, client_time TEXT NOT NULL,
        clock_offset_ms INTEGER NOT NULL, counts TEXT NOT NULL, villages TEXT NOT NULL
      ) STRICT;
      CREATE INDEX batches_received ON batches(received_at);
      CREATE TABLE batch_records (
        batch_number INTEGER NOT NULL REFERENCES batches(number), record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL, PRIMARY KEY (batch_number, record_id, version)
      ) STRICT;
      CREATE INDEX batch_records_record ON batch_records(record_id);
      CREATE TABLE device_mutations (
        device_id TEXT NOT NULL REFERENCES devices(id), mutation_id INTEGER NOT NULL, record_id TEXT NOT NULL,
        result TEXT NOT NULL, batch_number INTEGER, PRIMARY KEY (device_id, mutation_id)
      ) STRICT;
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, user_id TEXT NOT NULL,
        mutation_id INTEGER NOT NULL, batch_number INTEGER, reason_code TEXT NOT NULL, reason TEXT NOT NULL,
        input TEXT NOT NULL, received_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id), path TEXT NOT NULL,
        server_value TEXT NOT NULL, incoming_value TEXT NOT NULL, base_version INTEGER NOT NULL,
        server_version INTEGER NOT NULL, server_by TEXT, device_id TEXT NOT NULL, user_id TEXT NOT NULL,
        mutation_id INTEGER NOT NULL, created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
        resolved_value TEXT, resolved_by TEXT, resolved_at TEXT, resolved_version INTEGER
      ) STRICT;
      CREATE INDEX conflicts_record ON conflicts(record_id, status);
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id), user_id TEXT NOT NULL,
        comment TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')), closed_at TEXT
      ) STRICT;
      CREATE INDEX tasks_record ON tasks(record_id, status);
      CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL, decision TEXT NOT NULL, comment TEXT, user_id TEXT NOT NULL, at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    sql: `
      ALTER TABLE changes ADD COLUMN echo_device_id TEXT;
      CREATE INDEX changes_echo_device ON changes(echo_device_id) WHERE echo_device_id IS NOT NULL;
    `,
  },
  {
    version: 5,
    sql: `
      CREATE INDEX records_type ON records(type, deleted);
    `,
  },
  {
    version: 6,
    sql: `
      CREATE TABLE pmt_formulas (
        version TEXT PRIMARY KEY, label TEXT NOT NULL, demo INTEGER NOT NULL CHECK (demo IN (0, 1)),
        data TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE pmt_adoptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        formula_version TEXT NOT NULL REFERENCES pmt_formulas(version),
        adopted_by TEXT NOT NULL, adopted_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE pmt_scores (
        record_id TEXT NOT NULL REFERENCES records(id), record_version INTEGER NOT NULL,
        formula_version TEXT NOT NULL REFERENCES pmt_formulas(version), village_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('scored','missing_answers','no_model')),
        score REAL, zone_type TEXT NOT NULL, detail TEXT NOT NULL, computed_at TEXT NOT NULL,
        PRIMARY KEY (record_id, formula_version, record_version)
      ) STRICT;
      CREATE INDEX pmt_scores_village ON pmt_scores(village_id, formula_version);
      CREATE TABLE enrolments (
        id TEXT PRIMARY KEY, village_id TEXT NOT NULL REFERENCES villages(id),
        household_code TEXT NOT NULL, ciblage_record_id TEXT NOT NULL UNIQUE REFERENCES records(id),
        state TEXT NOT NULL CHECK (state IN ('enrolled','suspended','exited')),
        data TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX enrolments_village ON enrolments(village_id, state);
      CREATE TABLE enrolment_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, enrolment_id TEXT NOT NULL REFERENCES enrolments(id),
        action TEXT NOT NULL, before TEXT, after TEXT NOT NULL, user_id TEXT NOT NULL, at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX enrolment_events_enrolment ON enrolment_events(enrolment_id);
    `,
  },
  {
    version: 7,
    sql: `
      CREATE INDEX records_type_id ON records(type, deleted, id);
      DROP INDEX records_type;
    `,
  },
  {
    version: 8,
    sql: `
      CREATE TABLE key_shares (
        key_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        device_id TEXT NOT NULL REFERENCES devices(id), share TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX key_shares_device ON key_shares(device_id);
    `,
  },
  {
    version: 9,
    sql: `
      ALTER TABLE devices ADD COLUMN reported_unsynced INTEGER CHECK (reported_unsynced >= 0);
    `,
  },
];

/** Applies the migrations above `user_version`, up to `target` (all by default). */
export function migrate(db: Database.Database, target = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new StoreSchemaTooNewError(current, migrations.length);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
