import { isCriticalPath, isRecordType, validateRecord } from '@jigi/domain';
import {
  jsonEqual,
  mergeMutation,
  pushEnvelopeSchema,
  type PushEnvelope,
  mutationResultOf,
  parsedMutationSchema,
  PROTOCOL_VERSION,
  type Issue,
  type JsonObject,
  type Mutation,
  type MutationResult,
  type PushResponse,
} from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../plugins/validate';
import type { AuthContext } from '../plugins/access';
import type { DeviceRow, RecordRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { ruleContexts, type RuleContexts } from './rule-context';
import { inScope, roleRecordTypes } from './scope';
import {
  asText,
  contentRejection,
  firstError,
  malformed,
  reject,
  type Rejection,
} from './push-rejections';
import { storedChanges, writeRecordChange } from './record-writes';
import { mutationContentProblem, withTokenAuthorship } from './push-content';

/**
 * A mutation that passed `parsedMutationSchema` (a create's record checked as an object, then by its
 * domain schema in applyMutation): its values came from JSON.parse, so they are JSON.
 */
function asMutation(parsed: z.infer<typeof parsedMutationSchema>): Mutation {
  return parsed as Mutation;
}

/**
 * Who hands the server a push: the tablet itself, or an admin importing the tablet's export file
 * (docs/decisions.md §4) through this same path, so both share one exactly-once history per device.
 */
export type PushOrigin =
  | {
      readonly via: 'device';
      /** Changes the tablet says it still holds beyond this push (its `X-Jigi-Unsynced` header). */
      readonly unsyncedAfter?: number | undefined;
    }
  | { readonly via: 'import'; readonly importedBy: string | null };

/**
 * `POST /api/sync/push` (docs/decisions.md §3.2–3.5). One transaction: the device's last mutation id, every
 * record write, the stored per-mutation results and the batch commit together, so a push replayed
 * after a lost response (or sent twice at once) has exactly-once effect.
 */
export async function handlePush(
  deps: Deps,
  auth: AuthContext,
  body: unknown,
  origin: PushOrigin = { via: 'device' },
): Promise<PushResponse> {
  const push = checkPush(auth, body);
  // Read before the write opens: the zone check inside then uses it without a transaction of its own.
  await auth.scope();
  return deps.store.write((tx) => applyPush(tx, deps, auth, push, origin));
}

/** The push's protocol version, envelope and device, checked before any transaction opens. */
export function checkPush(auth: AuthContext, body: unknown): PushEnvelope {
  checkProtocolVersion(body);
  // The head's content is the push's; each mutation's is its own (checked one by one in applyPush).
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const { mutations, ...head } = body as Record<string, unknown>;
    parseInput(z.unknown(), { ...head, mutations: Array.isArray(mutations) ? [] : mutations });
  }
  const push = parseInput(pushEnvelopeSchema, body, 'invalid_body', { content: 'unchecked' });
  const device = auth.device;
  if (device === null) throw new AppError('device_required');
  if (push.deviceId !== device.id)
    throw new AppError('device_mismatch', { details: { deviceId: push.deviceId } });
  return push;
}

/**
 * A checked push inside the caller's write (the import of an export file applies all its pushes in
 * one). The caller has read `auth.scope()` before opening the write.
 */
export async function applyPush(
  tx: Tx,
  deps: Deps,
  auth: AuthContext,
  push: PushEnvelope,
  origin: PushOrigin,
): Promise<PushResponse> {
  const device = auth.device;
  if (device === null) throw new AppError('device_required');
  const serverTime = deps.now().toISOString();
  {
    const current = await tx.sync.lockDevice(device.id);
    if (current === undefined) throw new Error(`device ${device.id} vanished during a push`);
    let last = current.lastMutationId;
    const first = push.mutations[0]?.mutationId ?? 1;
    if (first > last + 1) {
      throw new AppError('mutation_gap', {
        details: { expectedMutationId: last + 1, receivedMutationId: first },
      });
    }
    const results: MutationResult[] = [];
    // The batch's clock offset is for audit and display only (docs/decisions.md §3.4). The tablet's own
    // estimate, made when it last talked to the server, wins: `clientTime` is frozen with the batch,
    // so serverTime − clientTime grows by however long the batch waited (a resend, an export file).
    const batch = {
      number: null as number | null,
      counts: {} as Record<string, number>,
      villages: new Set<string>(),
    };
    const rules = ruleContexts(tx, deps);
    for (const mutation of push.mutations) {
      if (mutation.mutationId <= last) {
        const stored = await tx.sync.storedResult(device.id, mutation.mutationId);
        if (stored === undefined)
          throw new Error(
            `no stored result for consumed mutation ${device.id}#${mutation.mutationId}`,
          );
        results.push(stored);
        continue;
      }
      batch.number ??= await tx.sync.insertBatch({
        batchId: push.batchId,
        deviceId: device.id,
        userId: auth.user.id,
        receivedAt: serverTime,
        clientTime: push.clientTime,
        clockOffsetMs: push.clockOffsetMs ?? Date.parse(serverTime) - Date.parse(push.clientTime),
        counts: {},
        villages: [],
      });
      const checked = checkMutation(mutation);
      const result = checked.ok
        ? await applyMutation(
            tx,
            deps,
            rules,
            auth,
            current,
            checked.mutation,
            batch.number,
            serverTime,
            origin,
          )
        : await reject(tx, auth, current, mutation, batch.number, serverTime, checked.rejection);
      const countKey =
        result.outcome === 'rejected' || !checked.ok ? 'rejected' : checked.mutation.recordType;
      batch.counts[countKey] = (batch.counts[countKey] ?? 0) + 1;
      if (result.outcome !== 'rejected') {
        const villageId = await tx.sync.recordVillageId(mutation.recordId);
        if (villageId !== undefined) batch.villages.add(villageId);
      }
      await tx.sync.storeResult(
        device.id,
        mutation.mutationId,
        mutation.recordId,
        result,
        batch.number,
      );
      results.push(result);
      last = mutation.mutationId;
    }
    if (batch.number !== null) {
      await tx.sync.updateBatchSummary(batch.number, batch.counts, [...batch.villages].sort());
      await tx.sync.setLastMutationId(device.id, last);
      await tx.audit.append({
        at: serverTime,
        userId: auth.user.id,
        action: 'sync.push',
        entity: 'batch',
        entityId: String(batch.number),
        details: {
          deviceId: device.id,
          counts: batch.counts,
          ...(origin.via === 'import' ? { importedBy: origin.importedBy } : {}),
        },
      });
    }
    // An import is not the tablet showing up: its last contact stays what it was.
    if (origin.via === 'device')
      await tx.accounts.touchDevice(device.id, serverTime, origin.unsyncedAfter);
    return { results, lastMutationId: last, batchNumber: batch.number, serverTime };
  }
}

/**
 * One mutation of a checked envelope, as the merge takes it, or why it is refused alone. Content that
 * cannot be stored safely is found first, before any recursive step (the wire schema, JSON copies)
 * could overflow the stack on it: a 500 would roll back the push and block the tablet's queue.
 */
function checkMutation(
  mutation: unknown,
): { ok: true; mutation: Mutation } | { ok: false; rejection: Rejection } {
  const problem = mutationContentProblem(mutation);
  if (problem !== undefined) return { ok: false, rejection: contentRejection(problem) };
  const parsed = parsedMutationSchema.safeParse(mutation);
  return parsed.success
    ? { ok: true, mutation: asMutation(parsed.data) }
    : { ok: false, rejection: malformed(parsed.error) };
}

function checkProtocolVersion(body: unknown): void {
  if (typeof body !== 'object' || body === null || !('protocolVersion' in body)) return;
  const version = body.protocolVersion;
  if (typeof version === 'number' && version !== PROTOCOL_VERSION) {
    throw new AppError('unsupported_protocol_version', {
      details: { serverVersion: PROTOCOL_VERSION, clientVersion: version },
    });
  }
}

async function applyMutation(
  tx: Tx,
  deps: Deps,
  rules: RuleContexts,
  auth: AuthContext,
  device: DeviceRow,
  sent: Mutation,
  batchNumber: number,
  serverTime: string,
  origin: PushOrigin,
): Promise<MutationResult> {
  const existing = await tx.sync.recordById(sent.recordId);
  const authored = withTokenAuthorship(
    sent,
    { userId: auth.user.id, deviceId: device.id },
    existing,
  );
  const { mutation } = authored;
  const refused = await authorise(rules, auth, mutation, existing);
  if (refused !== undefined)
    return reject(tx, auth, device, mutation, batchNumber, serverTime, refused);
  const type = mutation.recordType;
  if (!isRecordType(type)) throw new Error('authorise() lets only known record types through');
  const decision = mergeMutation({
    server:
      existing === undefined
        ? null
        : {
            version: existing.version,
            fieldVersions: existing.fieldVersions,
            record: existing.data,
            deleted: existing.deleted,
          },
    mutation,
    deviceId: device.id,
    isCritical: (path) => isCriticalPath(type, path),
  });
  if (decision.outcome === 'rejected')
    return reject(tx, auth, device, mutation, batchNumber, serverTime, decision.rejection);
  if (decision.outcome === 'duplicate') return mutationResultOf(mutation, decision);
  let { state } = decision;
  let warnings: Issue[] = [];
  if (!state.deleted && state.version !== existing?.version) {
    const validation = validateRecord(state.record, await rules.for(state.record));
    if (!validation.ok) {
      return reject(tx, auth, device, mutation, batchNumber, serverTime, {
        code: 'validation_failed',
        message: firstError(validation.issues),
        issues: validation.issues,
      });
    }
    warnings = validation.issues;
    // Stored is what the schema produced (NFC, trimmed), not the bytes sent.
    if (validation.record !== undefined)
      state = { ...state, record: validation.record as unknown as JsonObject };
  }
  // The tablet holds what it sent: when the server stores something else, pull sends it back.
  const storedAsSent = !authored.altered && jsonEqual(state.record, decision.state.record);
  if (state.version !== existing?.version) {
    await writeRecordChange(tx, {
      recordId: mutation.recordId,
      existing,
      state,
      type,
      warnings,
      serverTime,
      batchNumber,
      actor: device.id,
      userId: auth.user.id,
      deviceId: device.id,
      mutationId: mutation.mutationId,
      clientTime: mutation.clientTime,
      op: mutation.op,
      changes: storedChanges(mutation, decision.appliedPaths, existing, state),
      overwritten: decision.overwritten.map((o) => ({ ...o })),
      // Applied as sent: the device's copy is this version. Merged: the server's differs from it. An
      // import: the tablet may have been wiped after exporting, so it gets its records back.
      echoDeviceId:
        decision.outcome === 'applied' && origin.via === 'device' && storedAsSent
          ? device.id
          : undefined,
    });
    rules.recordWritten(type, existing?.data ?? null, state.record);
  }
  if (decision.outcome !== 'conflict_queued') return mutationResultOf(mutation, decision, warnings);
  const record = await tx.sync.recordById(mutation.recordId);
  for (const conflict of decision.conflicts) {
    const stamp = Object.values(existing?.fieldVersions ?? {}).find(
      (s) => s.version === conflict.serverVersion,
    );
    const id = deps.newId();
    await tx.review.insertConflict({
      id,
      recordId: mutation.recordId,
      path: conflict.path,
      serverValue: conflict.serverValue,
      incomingValue: conflict.incomingValue,
      baseVersion: conflict.baseVersion,
      serverVersion: conflict.serverVersion,
      serverBy: stamp?.by ?? null,
      deviceId: device.id,
      userId: auth.user.id,
      mutationId: mutation.mutationId,
      createdAt: serverTime,
      status: 'open',
      resolvedValue: null,
      resolvedBy: null,
      resolvedAt: null,
      resolvedVersion: null,
    });
    await tx.sync.logChange({
      entity: 'conflict',
      entityId: id,
      villageId: record?.villageId ?? null,
      recordType: type,
      audienceUserId: null,
    });
  }
  // The record's pending paths travel in its pull meta: re-log it so devices see them.
  if (record !== undefined)
    await tx.sync.logChange({
      entity: 'record',
      entityId: record.id,
      villageId: record.villageId,
      recordType: record.type,
      audienceUserId: null,
    });
  await tx.sync.addBatchRecord(batchNumber, mutation.recordId, state.version);
  return mutationResultOf(mutation, decision, warnings);
}

/** Role, zone and record type checks (docs/decisions.md §5): both the stored village and any new one. */
async function authorise(
  rules: RuleContexts,
  auth: AuthContext,
  mutation: Mutation,
  existing: RecordRow | undefined,
): Promise<Rejection | undefined> {
  if (!isRecordType(mutation.recordType)) {
    return {
      code: 'unsupported_record_type',
      message: `Type de fiche inconnu du serveur : « ${mutation.recordType} ».`,
    };
  }
  if (!roleRecordTypes(auth.user.role).includes(mutation.recordType)) {
    return {
      code: 'forbidden',
      message: `Votre rôle ne permet pas d’envoyer des fiches de type « ${mutation.recordType} ».`,
    };
  }
  const villages = new Set<string>();
  if (existing !== undefined) villages.add(existing.villageId);
  if (mutation.op === 'create') villages.add(asText(mutation.record['villageId']));
  if (mutation.op === 'patch' && 'villageId' in mutation.changes)
    villages.add(asText(mutation.changes['villageId']));
  for (const villageId of villages) {
    // Named as the enumerator knows it; an unknown id is all there is to say of a village.
    const name = await rules.villageName(villageId);
    if (name === undefined)
      return {
        code: 'forbidden',
        message: `Village inconnu du serveur (« ${villageId} ») : la fiche n’a pas été enregistrée.`,
        details: { villageId },
      };
    if (!inScope(await auth.scope(), villageId))
      return {
        code: 'forbidden',
        message: `Village « ${name} » : hors de vos zones, la fiche n’a pas été enregistrée.`,
        details: { villageId },
      };
  }
  return undefined;
}
