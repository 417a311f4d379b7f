import { recordTypeDescriptor } from '../modules/registry';
import { currentSchemaVersions, isRecordType, type RecordType } from '../records/field-record';

// Each type's upgrade steps live in its module's descriptor (`migrations`, keyed by the version they
// upgrade FROM), with the one-line-per-version history beside the step functions.

type Raw = Record<string, unknown>;

/** Why a record could not be brought to the current version. */
export type MigrationError = {
  kind: 'not_an_object' | 'unknown_type' | 'invalid_version' | 'future_version' | 'missing_step';
  message: string;
};

/** A record's shape at the current version: migrated, NOT yet validated (use `validateRecord`). */
export type MigratedRecord = Raw & { type: RecordType; schemaVersion: number };

/**
 * Brings a record written by any earlier app version to the current `schemaVersion` of its type.
 * A record already current is returned as is (same object); a record from a newer app is refused
 * (`future_version`: the device must not lose fields this server does not know).
 */
export function migrateRecord(
  raw: unknown,
): { ok: true; record: MigratedRecord } | { ok: false; error: MigrationError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('not_an_object', 'Enregistrement illisible : un objet est attendu.');
  }
  const record = raw as Raw;
  const type = record.type;
  if (!isRecordType(type))
    return fail('unknown_type', `Type d’enregistrement inconnu : ${String(type)}.`);
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('invalid_version', 'Version du formulaire (schemaVersion) : entier ≥ 1 attendu.');
  }
  const current = currentSchemaVersions[type];
  if (version > current) {
    return fail(
      'future_version',
      `Version du formulaire ${version} plus récente que celle du serveur (${current}) : mettez le serveur à jour.`,
    );
  }
  const steps = recordTypeDescriptor(type)?.migrations ?? {};
  let out = record;
  for (let v = version; v < current; v += 1) {
    const step = steps[v];
    if (!step) return fail('missing_step', `Pas de migration de la version ${v} du type ${type}.`);
    out = step(out);
  }
  return { ok: true, record: out as MigratedRecord };
}

function fail(kind: MigrationError['kind'], message: string): { ok: false; error: MigrationError } {
  return { ok: false, error: { kind, message } };
}
