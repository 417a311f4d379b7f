import type Database from 'better-sqlite3';
import type { TargetingPort } from '../store';
import {
  adoptionRow,
  enrolmentEventRow,
  enrolmentRow,
  enrolmentValues,
  formulaRow,
  scoreRow,
  scoreValues,
  type AdoptionDb,
  type EnrolmentDb,
  type EnrolmentEventDb,
  type FormulaDb,
  type ScoreDb,
} from '../targeting-mappers';
import { writeJson } from './json';
import type { Synchronous } from './synchronous';

export function targetingStore(db: Database.Database): Synchronous<TargetingPort> {
  return {
    insertFormula(f) {
      db.prepare(
        'INSERT INTO pmt_formulas (version, label, demo, data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(f.version, f.label, f.demo ? 1 : 0, writeJson(f.data), f.uploadedBy, f.uploadedAt);
    },
    formulaByVersion(version) {
      const r = db
        .prepare<[string], FormulaDb>('SELECT * FROM pmt_formulas WHERE version = ?')
        .get(version);
      return r === undefined ? undefined : formulaRow(r);
    },
    listFormulas() {
      return db
        .prepare<[], FormulaDb>('SELECT * FROM pmt_formulas ORDER BY uploaded_at, version')
        .all()
        .map(formulaRow);
    },
    insertAdoption(a) {
      db.prepare(
        'INSERT INTO pmt_adoptions (formula_version, adopted_by, adopted_at) VALUES (?, ?, ?)',
      ).run(a.formulaVersion, a.adoptedBy, a.adoptedAt);
    },
    adoptions() {
      return db
        .prepare<[], AdoptionDb>('SELECT * FROM pmt_adoptions ORDER BY id DESC')
        .all()
        .map(adoptionRow);
    },
    saveScore(s) {
      db.prepare(
        `INSERT INTO pmt_scores (record_id, record_version, formula_version, village_id, outcome, score, zone_type, detail, computed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(...scoreValues(s));
    },
    villageScores(villageId, formulaVersion) {
      return db
        .prepare<[string, string], ScoreDb>(
          'SELECT * FROM pmt_scores WHERE village_id = ? AND formula_version = ? ORDER BY record_id, record_version',
        )
        .all(villageId, formulaVersion)
        .map(scoreRow);
    },
    recordScores(recordId) {
      return db
        .prepare<[string], ScoreDb>(
          'SELECT * FROM pmt_scores WHERE record_id = ? ORDER BY computed_at, record_version, formula_version',
        )
        .all(recordId)
        .map(scoreRow);
    },
    upsertEnrolment(e) {
      db.prepare(
        `INSERT INTO enrolments (id, village_id, household_code, ciblage_record_id, state, data, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id,
        household_code = excluded.household_code, state = excluded.state, data = excluded.data,
        version = excluded.version, updated_at = excluded.updated_at`,
      ).run(...enrolmentValues(e));
    },
    enrolmentById(id) {
      const r = db.prepare<[string], EnrolmentDb>('SELECT * FROM enrolments WHERE id = ?').get(id);
      return r === undefined ? undefined : enrolmentRow(r);
    },
    enrolmentOfRecord(recordId) {
      const r = db
        .prepare<[string], EnrolmentDb>('SELECT * FROM enrolments WHERE ciblage_record_id = ?')
        .get(recordId);
      return r === undefined ? undefined : enrolmentRow(r);
    },
    listEnrolments(villageIds) {
      if (villageIds === undefined)
        return db
          .prepare<[], EnrolmentDb>('SELECT * FROM enrolments ORDER BY village_id, household_code')
          .all()
          .map(enrolmentRow);
      return db
        .prepare<[string], EnrolmentDb>(
          'SELECT * FROM enrolments WHERE village_id IN (SELECT value FROM json_each(?)) ORDER BY village_id, household_code',
        )
        .all(writeJson(villageIds))
        .map(enrolmentRow);
    },
    insertEnrolmentEvent(e) {
      db.prepare(
        'INSERT INTO enrolment_events (enrolment_id, action, before, after, user_id, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        e.enrolmentId,
        e.action,
        e.before === null ? null : writeJson(e.before),
        writeJson(e.after),
        e.userId,
        e.at,
      );
    },
    enrolmentEvents(enrolmentId) {
      return db
        .prepare<[string], EnrolmentEventDb>(
          'SELECT * FROM enrolment_events WHERE enrolment_id = ? ORDER BY id',
        )
        .all(enrolmentId)
        .map(enrolmentEventRow);
    },
    deleteBeneficiaryHousehold(id) {
      db.prepare('DELETE FROM beneficiary_households WHERE id = ?').run(id);
    },
  };
}
