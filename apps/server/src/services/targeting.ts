import { AppError } from '../errors/app-error';
import {
  adoptFormula,
  formulaInForce,
  formulaSummaries,
  summaryOf,
  uploadFormula,
} from '../features/targeting/formulas';
import { publishAssembly } from '../features/targeting/assembly-publish';
import {
  changeEnrolmentState,
  enrolFromAssembly,
  type StateChange,
} from '../features/targeting/enrolment';
import { householdFile } from '../features/targeting/household-file';
import { rsuChangesCsv, rsuHouseholdsCsv } from '../features/targeting/rsu-export';
import { scoreVillages } from '../features/targeting/scoring';
import { villageListPdf, type PrintableLine } from '../features/targeting/village-list-pdf';
import { ASSEMBLY_TYPE } from '../features/targeting/assembly-publish';
import { villageRanking } from '../features/targeting/village-ranking';
import type { AuthContext } from '../plugins/access';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { inScope, villageInZones } from './scope';

// Targeting requests, each in one transaction: formulas (administrators), scores and rankings
// (administrators, supervisors in their zones). The rules live in features/targeting.

async function detailOf(tx: Tx, version: string) {
  const row = await tx.targeting.formulaByVersion(version);
  if (row === undefined) throw new AppError('not_found', { details: { version } });
  const adoptions = await tx.targeting.adoptions();
  return { summary: summaryOf(row, adoptions, adoptions[0]?.formulaVersion), formula: row.data };
}

export function listFormulas(deps: Deps) {
  return deps.store.read(async (tx) => ({ formulas: await formulaSummaries(tx) }));
}

/** The formula in force as anyone allowed scores may know it: what it is, no coefficient. */
export function currentFormula(deps: Deps) {
  return deps.store.read(async (tx) => {
    const inForce = await formulaInForce(tx);
    if (inForce === undefined) return { formula: null };
    return {
      formula: summaryOf(inForce.row, await tx.targeting.adoptions(), inForce.row.version),
    };
  });
}

export function formulaDetail(deps: Deps, version: string) {
  return deps.store.read((tx) => detailOf(tx, version));
}

export function uploadFormulaVersion(deps: Deps, auth: AuthContext, body: unknown) {
  return deps.store.write(async (tx) => {
    const formula = await uploadFormula(tx, deps, body, auth.user.id);
    return detailOf(tx, formula.version);
  });
}

/** Adopting and scoring are one transaction: a formula is never in force without its scores. */
export function adoptFormulaVersion(deps: Deps, auth: AuthContext, version: string) {
  return deps.store.write(async (tx) => {
    await adoptFormula(tx, deps, version, auth.user.id);
    const inForce = await formulaInForce(tx);
    if (inForce?.row.version !== version) throw new Error('the adopted formula is not in force');
    return scoreVillages(tx, deps, inForce.formula, undefined);
  });
}

/** Scores what is not scored yet under the formula in force: one village, or the caller's zones. */
export async function computeScores(deps: Deps, auth: AuthContext, villageId: string | undefined) {
  const scope = await auth.scope();
  if (villageId !== undefined && !inScope(scope, villageId))
    throw new AppError('out_of_zone', { details: { villageId } });
  const villageIds =
    villageId !== undefined ? [villageId] : scope === 'all' ? undefined : [...scope];
  return deps.store.write(async (tx) => {
    const inForce = await formulaInForce(tx);
    if (inForce === undefined)
      throw new AppError('invalid_state', {
        message: 'Aucune formule PMT n’est en vigueur : rien à scorer.',
      });
    const result = await scoreVillages(tx, deps, inForce.formula, villageIds);
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'pmt_score.compute',
      entity: 'village',
      entityId: villageId ?? null,
      details: { computed: result.computed },
    });
    return result;
  });
}

/** A village's ranked list; scores are personal and confidential, so each read is audited. */
export async function rankingOf(deps: Deps, auth: AuthContext, villageId: string) {
  if (!inScope(await auth.scope(), villageId))
    throw new AppError('out_of_zone', { details: { villageId } });
  return deps.store.write(async (tx) => {
    const ranking = await villageRanking(tx, villageId);
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'pmt_ranking.read',
      entity: 'village',
      entityId: villageId,
      details: { formulaVersion: ranking.formula.version },
    });
    return ranking;
  });
}

/** Every score a household record was given, marking the one in force. */
export async function recordScoreHistory(deps: Deps, auth: AuthContext, recordId: string) {
  const scope = await auth.scope();
  return deps.store.read(async (tx) => {
    const record = await tx.sync.recordById(recordId);
    if (record === undefined || !inScope(scope, record.villageId))
      throw new AppError('not_found', { details: { recordId } });
    const inForce = (await tx.targeting.adoptions())[0]?.formulaVersion;
    const scores = await tx.targeting.recordScores(recordId);
    return {
      recordId,
      scores: scores.map((s) => ({
        formulaVersion: s.formulaVersion,
        recordVersion: s.recordVersion,
        outcome: s.outcome,
        score: s.score,
        zoneType: s.zoneType,
        computedAt: s.computedAt,
        inForce: s.formulaVersion === inForce && s.recordVersion === record.version,
      })),
    };
  });
}

async function requireVillageInScope(auth: AuthContext, villageId: string) {
  if (!inScope(await auth.scope(), villageId))
    throw new AppError('out_of_zone', { details: { villageId } });
}

/** Publishes a village's list for its assembly, to the user who will hold it. */
export async function publishVillageAssembly(
  deps: Deps,
  auth: AuthContext,
  villageId: string,
  assigneeId: string,
) {
  await requireVillageInScope(auth, villageId);
  return deps.store.write((tx) =>
    publishAssembly(tx, deps, {
      villageId,
      assigneeId,
      actorId: auth.user.id,
      recordId: deps.newId(),
    }),
  );
}

/** Enrols the households of an approved assembly of the village. */
export async function enrolVillage(
  deps: Deps,
  auth: AuthContext,
  villageId: string,
  assemblyRecordId: string,
) {
  await requireVillageInScope(auth, villageId);
  return deps.store.write((tx) =>
    enrolFromAssembly(tx, deps, { villageId, assemblyRecordId, actorId: auth.user.id }),
  );
}

/** The village's register: its enrolled, suspended and exited households. */
export async function villageRegister(deps: Deps, auth: AuthContext, villageId: string) {
  await requireVillageInScope(auth, villageId);
  return deps.store.write(async (tx) => {
    const rows = await tx.targeting.listEnrolments([villageId]);
    const village = await tx.reference.villageById(villageId);
    const assignees =
      village === undefined
        ? []
        : (await tx.accounts.listUsers())
            .filter(
              (u) =>
                u.active &&
                (u.role === 'facilitator' || u.role === 'supervisor') &&
                villageInZones(village, u.zones),
            )
            .map((u) => ({ id: u.id, name: u.name, role: u.role }));
    const assemblies = (
      await tx.sync.recordsWhere({ type: ASSEMBLY_TYPE, villageIds: [villageId] })
    )
      .map((r) => ({
        recordId: r.id,
        reviewStatus: r.reviewStatus,
        held: r.data['held'] === true,
        publishedAt: typeof r.data['publishedAt'] === 'string' ? r.data['publishedAt'] : '',
      }))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'register.read',
      entity: 'village',
      entityId: villageId,
      details: { households: rows.length },
    });
    return { villageId, assemblies, assignees, households: rows.map((r) => r.data) };
  });
}

/**
 * The printable list of the village's latest published assembly (for an assembly held without a
 * tablet): names and ranks only. Its result is entered afterwards in that assembly record.
 */
export async function printableVillageList(deps: Deps, auth: AuthContext, villageId: string) {
  await requireVillageInScope(auth, villageId);
  return deps.store.write(async (tx) => {
    const village = await tx.reference.villageById(villageId);
    if (village === undefined) throw new AppError('not_found', { details: { villageId } });
    const assemblies = await tx.sync.recordsWhere({ type: ASSEMBLY_TYPE, villageIds: [villageId] });
    const publishedAt = (r: (typeof assemblies)[number]) =>
      typeof r.data['publishedAt'] === 'string' ? r.data['publishedAt'] : '';
    const latest = assemblies
      .filter((r) => publishedAt(r) !== '')
      .sort((a, b) => publishedAt(b).localeCompare(publishedAt(a)))[0];
    if (latest === undefined)
      throw new AppError('invalid_state', {
        message: 'Aucune liste publiée pour ce village : publiez d’abord la liste classée.',
      });
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'assembly.print',
      entity: 'record',
      entityId: latest.id,
      details: null,
    });
    const lines = (
      Array.isArray(latest.data['households']) ? latest.data['households'] : []
    ) as PrintableLine[];
    return {
      recordId: latest.id,
      pdf: await villageListPdf({
        villageName: village.name,
        demo: village.data['demo'] === true,
        quota: typeof latest.data['quota'] === 'number' ? latest.data['quota'] : 0,
        publishedAt: publishedAt(latest),
        lines,
      }),
    };
  });
}

/** Suspends, reinstates or exits a household of the village's register. */
export async function changeRegisterState(
  deps: Deps,
  auth: AuthContext,
  change: Omit<StateChange, 'actorId'>,
) {
  await requireVillageInScope(auth, change.villageId);
  return deps.store.write((tx) =>
    changeEnrolmentState(tx, deps, { ...change, actorId: auth.user.id }),
  );
}

/** The village's register in the RSU export format (households, or their changes since a date). */
export async function rsuExport(
  deps: Deps,
  auth: AuthContext,
  villageId: string,
  what: 'households' | 'changes',
  since: string | undefined,
) {
  await requireVillageInScope(auth, villageId);
  return deps.store.write(async (tx) => {
    const village = await tx.reference.villageById(villageId);
    if (village === undefined) throw new AppError('not_found', { details: { villageId } });
    const rows = await tx.targeting.listEnrolments([villageId]);
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: `register.rsu_export.${what}`,
      entity: 'village',
      entityId: villageId,
      details: { households: rows.length, since: since ?? null },
    });
    if (what === 'households') return rsuHouseholdsCsv(rows, new Map([[village.id, village]]));
    const events = [];
    for (const row of rows)
      for (const ev of await tx.targeting.enrolmentEvents(row.id))
        if (since === undefined || ev.at >= since)
          events.push({ ...ev, householdCode: row.householdCode, villageId: row.villageId });
    events.sort((a, b) => a.at.localeCompare(b.at) || a.enrolmentId.localeCompare(b.enrolmentId));
    return rsuChangesCsv(events);
  });
}

/** One household on one page: survey, scores, assemblies, enrolment, MA, HIMO and PNP. */
export async function householdFileOf(deps: Deps, auth: AuthContext, recordId: string) {
  const scope = await auth.scope();
  return deps.store.write(async (tx) => {
    const file = await householdFile(tx, recordId, (id) => inScope(scope, id));
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'household_file.read',
      entity: 'record',
      entityId: recordId,
      details: null,
    });
    return file;
  });
}
