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
import type { Query } from './query';

// Text is ordered COLLATE "C" so both backends list rows in the same (byte) order.
export function targetingPort(q: Query): TargetingPort {
  return {
    async insertFormula(f) {
      await q(
        'INSERT INTO pmt_formulas (version, label, demo, data, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [f.version, f.label, f.demo, JSON.stringify(f.data), f.uploadedBy, f.uploadedAt],
      );
    },
    async formulaByVersion(version) {
      const [r] = await q<FormulaDb>('SELECT * FROM pmt_formulas WHERE version = $1', [version]);
      return r === undefined ? undefined : formulaRow(r);
    },
    async listFormulas() {
      return (
        await q<FormulaDb>(
          'SELECT * FROM pmt_formulas ORDER BY uploaded_at COLLATE "C", version COLLATE "C"',
        )
      ).map(formulaRow);
    },
    async insertAdoption(a) {
      await q(
        'INSERT INTO pmt_adoptions (formula_version, adopted_by, adopted_at) VALUES ($1, $2, $3)',
        [a.formulaVersion, a.adoptedBy, a.adoptedAt],
      );
    },
    async adoptions() {
      return (await q<AdoptionDb>('SELECT * FROM pmt_adoptions ORDER BY id DESC')).map(adoptionRow);
    },
    async saveScore(s) {
      await q(
        `INSERT INTO pmt_scores (record_id, record_version, formula_version, village_id, outcome, score, zone_type, detail, computed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        scoreValues(s),
      );
    },
    async villageScores(villageId, formulaVersion) {
      return (
        await q<ScoreDb>(
          'SELECT * FROM pmt_scores WHERE village_id = $1 AND formula_version = $2 ORDER BY record_id COLLATE "C", record_version',
          [villageId, formulaVersion],
        )
      ).map(scoreRow);
    },
    async recordScores(recordId) {
      return (
        await q<ScoreDb>(
          'SELECT * FROM pmt_scores WHERE record_id = $1 ORDER BY computed_at COLLATE "C", record_version, formula_version COLLATE "C"',
          [recordId],
        )
      ).map(scoreRow);
    },
    async upsertEnrolment(e) {
      await q(
        `INSERT INTO enrolments (id, village_id, household_code, ciblage_record_id, state, data, version, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id,
        household_code = excluded.household_code, state = excluded.state, data = excluded.data,
        version = excluded.version, updated_at = excluded.updated_at`,
        enrolmentValues(e),
      );
    },
    async enrolmentById(id) {
      const [r] = await q<EnrolmentDb>('SELECT * FROM enrolments WHERE id = $1', [id]);
      return r === undefined ? undefined : enrolmentRow(r);
    },
    async enrolmentOfRecord(recordId) {
      const [r] = await q<EnrolmentDb>('SELECT * FROM enrolments WHERE ciblage_record_id = $1', [
        recordId,
      ]);
      return r === undefined ? undefined : enrolmentRow(r);
    },
    async listEnrolments(villageIds) {
      const order = 'ORDER BY village_id COLLATE "C", household_code COLLATE "C"';
      const rows =
        villageIds === undefined
          ? await q<EnrolmentDb>(`SELECT * FROM enrolments ${order}`)
          : await q<EnrolmentDb>(`SELECT * FROM enrolments WHERE village_id = ANY($1) ${order}`, [
              [...villageIds],
            ]);
      return rows.map(enrolmentRow);
    },
    async insertEnrolmentEvent(e) {
      await q(
        'INSERT INTO enrolment_events (enrolment_id, action, before, after, user_id, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          e.enrolmentId,
          e.action,
          e.before === null ? null : JSON.stringify(e.before),
          JSON.stringify(e.after),
          e.userId,
          e.at,
        ],
      );
    },
    async enrolmentEvents(enrolmentId) {
      return (
        await q<EnrolmentEventDb>(
          'SELECT * FROM enrolment_events WHERE enrolment_id = $1 ORDER BY id',
          [enrolmentId],
        )
      ).map(enrolmentEventRow);
    },
    async deleteBeneficiaryHousehold(id) {
      await q('DELETE FROM beneficiary_households WHERE id = $1', [id]);
    },
  };
}
