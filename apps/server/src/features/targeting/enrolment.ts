import { validatedLines, type AssemblyLine, type BeneficiaryHousehold } from '@jigi/domain';
import {
  addMonths,
  chooseRecipients,
  DEFAULT_ENROLMENT_MONTHS,
  enrolmentSchema,
  rosterSummary,
  stateChangeAllowed,
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

export type StateChange = {
  villageId: string;
  householdId: string;
  state: 'enrolled' | 'suspended' | 'exited';
  exitReason?: Enrolment['exitReason'];
  actorId: string;
};

/**
 * Suspends, reinstates or exits a household of the register, keeping who did it and the before /
 * after values. An exit takes the household off the tablets' lists (a tombstone in their next pull).
 */
export async function changeEnrolmentState(
  tx: Tx,
  deps: Deps,
  change: StateChange,
): Promise<Enrolment> {
  const row = await tx.targeting.enrolmentById(change.householdId);
  if (row === undefined || row.villageId !== change.villageId)
    throw new AppError('not_found', { details: { householdId: change.householdId } });
  const before = enrolmentSchema.parse(row.data);
  if (!stateChangeAllowed(before.state, change.state))
    throw new AppError('invalid_state', {
      message:
        before.state === 'exited'
          ? 'Ce ménage est sorti du registre : une sortie est définitive.'
          : `Ce ménage est déjà dans l’état « ${change.state} ».`,
    });
  if (change.state === 'exited' && change.exitReason === undefined)
    throw new AppError('invalid_body', {
      message: 'Champ « exitReason » : le motif de sortie est requis.',
      details: { field: 'exitReason' },
    });
  const { exitReason: _previousReason, ...rest } = before;
  const after: Enrolment = {
    ...rest,
    state: change.state,
    ...(change.state === 'exited' && change.exitReason ? { exitReason: change.exitReason } : {}),
  };
  const at = deps.now().toISOString();
  await tx.targeting.upsertEnrolment({
    ...row,
    state: after.state,
    data: asJson(after),
    version: row.version + 1,
    updatedAt: at,
  });
  await tx.targeting.insertEnrolmentEvent({
    enrolmentId: row.id,
    action: `state.${after.state}`,
    before: asJson(before),
    after: asJson(after),
    userId: change.actorId,
    at,
  });
  if (after.state === 'exited') {
    await tx.targeting.deleteBeneficiaryHousehold(row.id);
    await tx.sync.logChange({
      entity: 'beneficiary_household',
      entityId: row.id,
      villageId: row.villageId,
      recordType: null,
      audienceUserId: null,
    });
  }
  await tx.audit.append({
    at,
    userId: change.actorId,
    action: `register.${after.state}`,
    entity: 'beneficiary_household',
    entityId: row.id,
    details: { exitReason: after.exitReason ?? null },
  });
  return after;
}
