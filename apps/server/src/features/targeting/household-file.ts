import type { Json } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import type { Tx } from '../../storage/store';
import { ASSEMBLY_TYPE } from './assembly-publish';
import { CIBLAGE_TYPE } from './scoring';

// One household on one page (issue 19, « one household file »): its survey, every score it was
// given, what each village assembly decided for it, its enrolment and the register's events, and
// what the other modules recorded of it — MA attendance (lines keyed by the household's id), HIMO
// workers (by household id) and PNP visits (by household code). Read for administrators and the
// supervisors of its village only (it carries scores).

type Row = Readonly<Record<string, Json>>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export async function householdFile(
  tx: Tx,
  recordId: string,
  villageInScope: (id: string) => boolean,
) {
  const survey = await tx.sync.recordById(recordId);
  if (survey?.type !== CIBLAGE_TYPE || survey.deleted || !villageInScope(survey.villageId))
    throw new AppError('not_found', { details: { recordId } });
  const data = survey.data;
  const code = text(data['householdCode']);
  const inForce = (await tx.targeting.adoptions())[0]?.formulaVersion;
  const scores = (await tx.targeting.recordScores(recordId)).map((s) => ({
    formulaVersion: s.formulaVersion,
    recordVersion: s.recordVersion,
    outcome: s.outcome,
    score: s.score,
    computedAt: s.computedAt,
    inForce: s.formulaVersion === inForce && s.recordVersion === survey.version,
  }));
  const villageIds = [survey.villageId];
  const assemblies = (await tx.sync.recordsWhere({ type: ASSEMBLY_TYPE, villageIds })).flatMap(
    (a) => {
      const lines = (Array.isArray(a.data['households']) ? a.data['households'] : []) as Row[];
      const line = lines.find((l) => l['id'] === recordId);
      return line === undefined
        ? []
        : [
            {
              recordId: a.id,
              reviewStatus: a.reviewStatus,
              date: text(a.data['date']),
              listStatus: text(line['listStatus']),
              decision: text(line['decision']),
              contestReason: text(line['contestReason']),
            },
          ];
    },
  );
  const enrolment = await tx.targeting.enrolmentById(recordId);
  const events = enrolment === undefined ? [] : await tx.targeting.enrolmentEvents(recordId);
  const ma = (await tx.sync.recordsWhere({ type: 'ma_session', villageIds })).flatMap((s) => {
    const lines = (Array.isArray(s.data['attendance']) ? s.data['attendance'] : []) as Row[];
    const line = lines.find((l) => l['id'] === recordId);
    return line === undefined
      ? []
      : [{ recordId: s.id, date: text(s.data['date']), status: text(line['status']) }];
  });
  const himo = (
    await tx.sync.recordsWhere({ type: 'himo_worker', field: 'householdId', value: recordId })
  ).map((w) => ({
    recordId: w.id,
    name: text(w.data['name']),
    projectId: text(w.data['projectId']),
  }));
  const pnp =
    code === ''
      ? []
      : (await tx.sync.recordsWhere({ type: 'pnp_enrolment', villageIds }))
          .filter((p) => (p.data['household'] as Row | undefined)?.['householdCode'] === code)
          .map((p) => ({ recordId: p.id, visitDate: text(p.data['visitDate']) }));
  return {
    survey: {
      recordId,
      villageId: survey.villageId,
      householdCode: code,
      reviewStatus: survey.reviewStatus,
      version: survey.version,
      interviewDate: text(data['interviewDate']),
      answers: data,
    },
    scores,
    assemblies,
    enrolment: enrolment?.data ?? null,
    events: events.map((e) => ({ action: e.action, userId: e.userId, at: e.at })),
    ma,
    himo,
    pnp,
  };
}
