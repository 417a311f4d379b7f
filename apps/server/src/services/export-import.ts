import { gunzipSync } from 'node:zlib';
import {
  mutationOutcomes,
  parseExportFile,
  type ExportFile,
  type ExportFileErrorKind,
  type ImportSummary,
  type MutationOutcome,
  type PushEnvelope,
} from '@jigi/sync';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/catalogue';
import type { AuthContext } from '../plugins/access';
import type { Deps } from './deps';
import { applyPush, checkPush } from './push';
import type { Tx } from '../storage/store';
import { villageInZones, villageScopeOf } from './scope';
import { isInZone } from '@jigi/domain';
import type { UserRow } from '../storage/rows';

// The answer's schema is in @jigi/sync, shared with the console that reads it; the import CLI takes the type from here.
export type { ImportSummary } from '@jigi/sync';

/** The file as sent (gzip): weeks of a tablet's work is a few MB; this leaves a wide margin. */
export const IMPORT_MAX_FILE_BYTES = 50_000_000;
/** Its JSON once inflated: caps what a gzip bomb can cost. */
export const IMPORT_MAX_INFLATED_BYTES = 256_000_000;

const parseErrorCodes = {
  not_json: 'import_not_json',
  not_export: 'import_wrong_format',
  unsupported_format_version: 'import_unsupported_format_version',
  invalid: 'import_invalid_file',
  gap: 'import_invalid_file',
} as const satisfies Record<ExportFileErrorKind, ErrorCode>;

/**
 * Imports a tablet's export file (docs/decisions.md §4, apps/field/src/sync/README.md § Export file): each
 * push in order, as that device and its user, through the ordinary push path, all in one transaction.
 * Ids the server already applied answer from stored results, so a second import (or the tablet's
 * later sync) changes nothing. The device may be revoked: a lost or broken tablet is the usual case.
 * `importedBy` is the admin or supervisor (null from the command line); it goes to the audit log. A
 * supervisor (`importer`) imports only the file of a tablet whose user works inside the supervisor's
 * own zones, as the tablet's message « remettez le fichier au superviseur » promises.
 */
export async function importExportFile(
  deps: Deps,
  bytes: Uint8Array,
  importedBy: string | null,
  importer?: Pick<UserRow, 'role' | 'zones'>,
): Promise<ImportSummary> {
  const file = readExportFile(bytes);
  const { device, user } = await deps.store.read(async (tx) => {
    const device = await tx.accounts.deviceById(file.deviceId);
    return {
      device,
      user: device === undefined ? undefined : await tx.accounts.userById(device.userId),
    };
  });
  if (device === undefined)
    throw new AppError('import_unknown_device', {
      message: `Tablette « ${file.deviceId} » inconnue de ce serveur : rien n’a été importé.`,
      details: { deviceId: file.deviceId },
    });
  if (user === undefined) throw new Error(`device ${device.id} has no user ${device.userId}`);
  if (user.id !== file.userId) {
    throw new AppError('import_device_user_mismatch', {
      message: `La tablette « ${device.id} » appartient à « ${user.login} », pas à l’utilisateur « ${file.userId} » du fichier : rien n’a été importé.`,
      details: { deviceId: device.id, fileUserId: file.userId },
    });
  }
  if (importer !== undefined && importer.role !== 'admin') {
    const villages = await deps.store.read((tx) => tx.reference.listVillages());
    if (!zonesWithin(user.zones, importer.zones, villages))
      throw new AppError('import_outside_zones', {
        message: `La tablette de « ${user.name} » travaille hors de vos zones : seul un administrateur (ou le superviseur de ses zones) peut importer ce fichier. Rien n’a été importé.`,
        details: { deviceId: device.id, userZones: user.zones },
      });
  }
  // The user's current role and zones decide, as for a push from the tablet itself.
  const scope = Promise.resolve(await deps.store.read((tx) => villageScopeOf(tx, user)));
  const auth: AuthContext = { user, device, sessionExpiresAt: null, scope: () => scope };
  // Every push is checked before anything is written: a bad one imports nothing.
  const pushes = file.pushes.map((push) => checkPush(auth, push));
  return deps.store.write(async (tx) => {
    const outcomes = Object.fromEntries(mutationOutcomes.map((o) => [o, 0])) as Record<
      MutationOutcome,
      number
    >;
    const rejections: Record<string, number> = {};
    const batches: number[] = [];
    for (const push of pushes) {
      const alreadyApplied = (await tx.sync.lockDevice(device.id))?.lastMutationId ?? 0;
      const response = await pushOf(tx, deps, auth, push, importedBy, alreadyApplied);
      for (const result of response.results) {
        const outcome = result.mutationId <= alreadyApplied ? 'duplicate' : result.outcome;
        outcomes[outcome] += 1;
        if (outcome === 'rejected' && result.outcome === 'rejected')
          rejections[result.error.code] = (rejections[result.error.code] ?? 0) + 1;
      }
      if (response.batchNumber !== null) batches.push(response.batchNumber);
    }
    const summary: ImportSummary = {
      deviceId: device.id,
      userId: user.id,
      exportedAt: file.exportedAt,
      pushes: file.pushes.length,
      mutations: file.pushes.reduce((n, p) => n + p.mutations.length, 0),
      outcomes,
      rejections,
      batches,
    };
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: importedBy,
      action: 'sync.import',
      entity: 'device',
      entityId: device.id,
      details: { ...summary, via: importedBy === null ? 'cli' : 'http' },
    });
    return summary;
  });
}

/**
 * Whether every zone of `inner` (an area code or a village id) lies inside `outer`; an account with no
 * zone (an admin) is inside no supervisor's zones.
 */
export function zonesWithin(
  inner: readonly string[],
  outer: readonly string[],
  villages: readonly { id: string; communeCode: string }[],
): boolean {
  if (inner.length === 0) return false;
  const byId = new Map(villages.map((v) => [v.id, v]));
  return inner.every((zone) => {
    const village = byId.get(zone);
    if (village !== undefined) return villageInZones(village, outer);
    return outer.some((o) => isInZone(zone, o));
  });
}

async function pushOf(
  tx: Tx,
  deps: Deps,
  auth: AuthContext,
  push: PushEnvelope,
  importedBy: string | null,
  alreadyApplied: number,
) {
  try {
    return await applyPush(tx, deps, auth, push, { via: 'import', importedBy });
  } catch (e: unknown) {
    if (!(e instanceof AppError) || e.code !== 'mutation_gap') throw e;
    const first = push.mutations[0]?.mutationId ?? 0;
    throw new AppError('mutation_gap', {
      message: `Le fichier commence à la modification n°${first} mais le serveur attend la n°${alreadyApplied + 1} pour cette tablette : importez d’abord son fichier d’export plus ancien.`,
      details: {
        expectedMutationId: alreadyApplied + 1,
        receivedMutationId: first,
        deviceId: auth.device?.id ?? '',
      },
      cause: e,
    });
  }
}

/** Gunzips and parses the file; every way it can be unreadable is a 4xx naming the problem. */
export function readExportFile(bytes: Uint8Array): ExportFile {
  // RFC 1952 magic: tells "not gzip at all" (a plain .json, a spreadsheet) from a damaged gzip.
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new AppError('import_not_gzip');
  let inflated: Buffer;
  try {
    inflated = gunzipSync(bytes, { maxOutputLength: IMPORT_MAX_INFLATED_BYTES });
  } catch (e: unknown) {
    if (e instanceof RangeError)
      throw new AppError('body_too_large', {
        details: { limitBytes: IMPORT_MAX_INFLATED_BYTES },
        cause: e,
      });
    throw new AppError('import_corrupt_gzip', {
      details: { reason: e instanceof Error ? e.message : String(e) },
      cause: e,
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (e: unknown) {
    throw new AppError('import_not_json', {
      message: 'Le contenu du fichier n’est pas du texte UTF-8.',
      cause: e,
    });
  }
  const parsed = parseExportFile(text);
  if (!parsed.ok) {
    const { kind, message, path } = parsed.error;
    throw new AppError(parseErrorCodes[kind], {
      message: message.slice(0, 1_000),
      details: { reason: kind, ...(path === undefined ? {} : { path }) },
    });
  }
  return parsed.file;
}
