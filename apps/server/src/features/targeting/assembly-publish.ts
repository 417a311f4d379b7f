import { ASSEMBLY_VALIDATION_VERSION, validateRecord } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import type { Deps } from '../../services/deps';
import { ruleContextFor } from '../../services/rule-context';
import { villageInZones } from '../../services/scope';
import { writeRecordChange } from '../../services/record-writes';
import type { Tx } from '../../storage/store';
import { villageRanking } from './village-ranking';

/** The record type of a village assembly. */
export const ASSEMBLY_TYPE = 'assembly_validation';

/**
 * Publishes a village's ranked list for its assembly: a new assembly record holding the households
 * within the quota and the waiting list, by name and rank only (no score), sent to the facilitator
 * (or supervisor) who will hold the assembly as a record « to complete » — returned to them, with a
 * task — so it reaches their tablet by pull and is edited there like a returned record. One open
 * assembly per village: a second is refused until the first is approved or rejected.
 */
export async function publishAssembly(
  tx: Tx,
  deps: Deps,
  input: { villageId: string; assigneeId: string; actorId: string; recordId: string },
): Promise<{ recordId: string; households: number; assigneeId: string }> {
  const village = await tx.reference.villageById(input.villageId);
  if (village === undefined)
    throw new AppError('not_found', { details: { villageId: input.villageId } });
  const assignee = await tx.accounts.userById(input.assigneeId);
  if (
    assignee === undefined ||
    !assignee.active ||
    !['facilitator', 'supervisor'].includes(assignee.role) ||
    !villageInZones(village, assignee.zones)
  )
    throw new AppError('invalid_body', {
      message:
        'Champ « assigneeId » : l’assemblée est confiée à un animateur ou un superviseur actif dont les zones comprennent le village.',
      details: { field: 'assigneeId' },
    });
  const open = (await tx.sync.recordsWhere({ type: ASSEMBLY_TYPE, villageIds: [village.id] })).find(
    (r) => r.reviewStatus === 'received' || r.reviewStatus === 'returned',
  );
  if (open !== undefined)
    throw new AppError('already_exists', {
      message:
        'Une assemblée de ce village est déjà en cours (publiée, pas encore approuvée ni rejetée).',
      details: { recordId: open.id },
    });
  const ranking = await villageRanking(tx, village.id);
  const at = deps.now().toISOString();
  const record: JsonObject = {
    id: input.recordId,
    type: ASSEMBLY_TYPE,
    schemaVersion: ASSEMBLY_VALIDATION_VERSION,
    villageId: village.id,
    agentId: assignee.id,
    deviceId: 'server',
    capturedAt: at,
    publishedAt: at,
    quota: ranking.quota,
    held: false,
    households: ranking.ranked.map((r) => ({
      id: r.recordId,
      listStatus: r.selected ? 'selected' : 'waiting',
      listRank: r.rank,
      ...(r.householdCode ? { householdCode: r.householdCode } : {}),
      headName: r.headName || r.householdCode,
    })),
  };
  const validation = validateRecord(record, await ruleContextFor(tx, deps, record));
  if (!validation.ok)
    throw new AppError('record_invalid', {
      details: { issues: validation.issues.filter((i) => i.severity === 'error') },
    });
  const stored = validation.record as unknown as JsonObject;
  await writeRecordChange(tx, {
    recordId: input.recordId,
    existing: undefined,
    state: { version: 1, fieldVersions: {}, record: stored, deleted: false },
    type: ASSEMBLY_TYPE,
    warnings: validation.issues,
    serverTime: at,
    batchNumber: null,
    actor: `user:${input.actorId}`,
    userId: input.actorId,
    deviceId: null,
    mutationId: null,
    clientTime: null,
    op: 'publish',
    changes: stored,
    overwritten: [],
  });
  // « To complete on the tablet »: returned to the assignee with a task, as the review loop does.
  await tx.review.setReviewStatus(input.recordId, 'returned', at);
  const taskId = deps.newId();
  await tx.review.insertTask({
    id: taskId,
    recordId: input.recordId,
    userId: assignee.id,
    comment: `Assemblée villageoise à tenir : ${village.name}. Lisez la liste, notez les décisions, puis finalisez.`,
    createdBy: input.actorId,
    createdAt: at,
    status: 'open',
    closedAt: null,
  });
  await tx.sync.logChange({
    entity: 'task',
    entityId: taskId,
    villageId: village.id,
    recordType: ASSEMBLY_TYPE,
    audienceUserId: assignee.id,
  });
  await tx.sync.logChange({
    entity: 'record',
    entityId: input.recordId,
    villageId: village.id,
    recordType: ASSEMBLY_TYPE,
    audienceUserId: null,
  });
  await tx.audit.append({
    at,
    userId: input.actorId,
    action: 'assembly.publish',
    entity: 'record',
    entityId: input.recordId,
    details: { villageId: village.id, assigneeId: assignee.id, households: ranking.ranked.length },
  });
  return { recordId: input.recordId, households: ranking.ranked.length, assigneeId: assignee.id };
}
