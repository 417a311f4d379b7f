import { validatedLines, type AssemblyLine, type BeneficiaryHousehold } from '@jigi/domain';
import {
  addMonths,
  chooseRecipients,
  DEFAULT_ENROLMENT_MONTHS,
  enrolmentSchema,
  rosterSummary,
  type Enrolment,
} from '@jigi/domain/register';
import type { JsonObject } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import { todayOf, type Deps } from '../../services/deps';
import { currentSettings, saveHousehold } from '../../services/reference';
import type { Tx } from '../../storage/store';
import { ASSEMBLY_TYPE } from './assembly-publish';
import { CIBLAGE_TYPE } from './scoring';

export type EnrolmentOutcome = {
  assemblyRecordId: string;
  enrolled: string[];
  alreadyEnrolled: string[];
  /** Households the assembly added by name: they are enrolled once surveyed and approved. */
  awaitingSurvey: { lineId: string; headName: string }[];
};

const asJson = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/**
 * Enrols the households an approved assembly validated. Each becomes a household of the register
 * (id = its ciblage survey's record id), with its titulaire and suppléant from the roster, enrolled
 * today for the settings' months, and — the register being the source of the tablets' lists — a
 * beneficiary household that MA, PNP and HIMO screens draw on, sent to the village's tablets by pull.
 * Enrolling twice changes nothing.
 */
export async function enrolFromAssembly(
  tx: Tx,
  deps: Deps,
  input: { villageId: string; assemblyRecordId: string; actorId: string },
): Promise<EnrolmentOutcome> {
  const assembly = await tx.sync.recordById(input.assemblyRecordId);
  if (
    assembly === undefined ||
    assembly.deleted ||
    assembly.type !== ASSEMBLY_TYPE ||
    assembly.villageId !== input.villageId
  )
    throw new AppError('not_found', { details: { assemblyRecordId: input.assemblyRecordId } });
  const data = assembly.data;
  if (assembly.reviewStatus !== 'approved' || data['held'] !== true)
    throw new AppError('invalid_state', {
      message:
        'Seule une assemblée tenue et approuvée par le superviseur inscrit des ménages au registre.',
    });
  if (data['minutesDecision'] === 'rejetee')
    throw new AppError('invalid_state', {
      message: 'Le PV de cette assemblée rejette la liste : aucun ménage n’est inscrit.',
    });
  const settings = await currentSettings(tx);
  const months = settings?.enrolmentMonths ?? DEFAULT_ENROLMENT_MONTHS;
  const today = todayOf(deps.now());
  const at = deps.now().toISOString();
  const out: EnrolmentOutcome = {
    assemblyRecordId: assembly.id,
    enrolled: [],
    alreadyEnrolled: [],
    awaitingSurvey: [],
  };
  const lines = validatedLines((data['households'] ?? []) as AssemblyLine[]);
  for (const line of lines) {
    const survey = await tx.sync.recordById(line.id);
    if (survey === undefined || survey.type !== CIBLAGE_TYPE || survey.deleted) {
      out.awaitingSurvey.push({ lineId: line.id, headName: line.headName });
      continue;
    }
    if ((await tx.targeting.enrolmentOfRecord(survey.id)) !== undefined) {
      out.alreadyEnrolled.push(survey.id);
      continue;
    }
    const recipients = chooseRecipients(survey.data);
    if (recipients === undefined) {
      out.awaitingSurvey.push({ lineId: line.id, headName: line.headName });
      continue;
    }
    const s = survey.data;
    const householdCode = typeof s['householdCode'] === 'string' ? s['householdCode'] : line.id;
    const enrolment: Enrolment = enrolmentSchema.parse({
      id: survey.id,
      villageId: survey.villageId,
      householdCode,
      ciblageRecordId: survey.id,
      assemblyRecordId: assembly.id,
      ...(s['headIdType'] === 'nina' && typeof s['headIdNo'] === 'string'
        ? { nina: s['headIdNo'] }
        : {}),
      headName: line.headName,
      titulaire: recipients.titulaire,
      ...(recipients.suppleant ? { suppleant: recipients.suppleant } : {}),
      ...(typeof s['headPhone'] === 'string' ? { phone: s['headPhone'] } : {}),
      enrolledOn: today,
      plannedEnd: addMonths(today, months),
      state: 'enrolled',
      members: rosterSummary(s),
    });
    await tx.targeting.upsertEnrolment({
      id: enrolment.id,
      villageId: enrolment.villageId,
      householdCode,
      ciblageRecordId: survey.id,
      state: 'enrolled',
      data: asJson(enrolment),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await tx.targeting.insertEnrolmentEvent({
      enrolmentId: enrolment.id,
      action: 'enrol',
      before: null,
      after: asJson(enrolment),
      userId: input.actorId,
      at,
    });
    await saveHousehold(tx, deps, beneficiaryOf(enrolment), input.actorId);
    out.enrolled.push(enrolment.id);
  }
  await tx.audit.append({
    at,
    userId: input.actorId,
    action: 'register.enrol',
    entity: 'record',
    entityId: assembly.id,
    details: { enrolled: out.enrolled.length, awaitingSurvey: out.awaitingSurvey.length },
  });
  return out;
}

/** What the tablets' lists hold of an enrolled household (the reference data they pull). */
export function beneficiaryOf(e: Enrolment): BeneficiaryHousehold {
  return {
    id: e.id,
    villageId: e.villageId,
    householdCode: e.householdCode,
    headName: e.headName,
    titulaireName: e.titulaire.name,
    members: e.members,
  };
}
