import {
  beneficiaryHouseholdSchema,
  getArea,
  villageSchema,
  type BeneficiaryHousehold,
  type Village,
} from '@jigi/domain';
import { AppError } from '../errors/app-error';
import { csvObjects } from './csv';
import type { Deps } from './deps';
import { saveHousehold, saveVillage } from './reference';

type LineError = { line: number; field: string; message: string };
const MAX_LINES = 20_000;

function fail(errors: LineError[]): never {
  const first = errors[0];
  throw new AppError('invalid_csv', {
    ...(first === undefined
      ? {}
      : {
          message: `Ligne ${first.line}, champ « ${first.field} » : ${first.message} (${errors.length} erreur(s), rien n’a été importé).`,
        }),
    details: { lines: errors.slice(0, 200) },
  });
}

function requireColumns(header: string[], columns: readonly string[]): void {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    fail(
      missing.map((c) => ({
        line: 1,
        field: c,
        message: 'colonne obligatoire absente de l’en-tête',
      })),
    );
}

const bool = (s: string | undefined): boolean =>
  ['1', 'oui', 'true', 'vrai', 'o', 'yes'].includes((s ?? '').toLowerCase());

/**
 * Villages from CSV (`id,name,communeCode[,pnp][,quota]`): every line is checked first (domain schema,
 * commune known in the admin list); any error imports nothing. Existing ids are updated.
 */
export async function importVillages(
  deps: Deps,
  text: string,
  actorId: string,
): Promise<{ imported: number }> {
  const { header, rows } = csvObjects(text);
  requireColumns(header, ['id', 'name', 'communeCode']);
  if (rows.length > MAX_LINES)
    fail([{ line: MAX_LINES + 2, field: '-', message: `plus de ${MAX_LINES} lignes` }]);
  const errors: LineError[] = [];
  const villages: Village[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const candidate = {
      id: row['id'],
      name: row['name'],
      communeCode: row['communeCode'],
      demo: bool(row['demo']),
      pnp: bool(row['pnp']),
      ...(row['quota'] ? { quota: Number(row['quota']) } : {}),
    };
    const parsed = villageSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({ line, field: issue.path.join('.'), message: issue.message });
    const commune = row['communeCode'] ?? '';
    if (commune !== '' && getArea(commune)?.level !== 'commune')
      errors.push({
        line,
        field: 'communeCode',
        message: `commune inconnue « ${commune} » (code de la liste administrative attendu, ex. mopti.koro.dioungani)`,
      });
    if (parsed.success) villages.push(parsed.data);
  });
  if (errors.length > 0) fail(errors);
  await deps.store.write(async (tx) => {
    for (const v of villages) await saveVillage(tx, deps, v, actorId);
  });
  return { imported: villages.length };
}

/** Beneficiary households from CSV (`id,villageId,householdCode,headName[,titulaireName]`). */
export async function importHouseholds(
  deps: Deps,
  text: string,
  actorId: string,
): Promise<{ imported: number }> {
  const { header, rows } = csvObjects(text);
  requireColumns(header, ['id', 'villageId', 'householdCode', 'headName']);
  if (rows.length > MAX_LINES)
    fail([{ line: MAX_LINES + 2, field: '-', message: `plus de ${MAX_LINES} lignes` }]);
  const errors: LineError[] = [];
  const households: BeneficiaryHousehold[] = [];
  const knownVillages = new Set(
    (await deps.store.read((tx) => tx.reference.listVillages())).map((v) => v.id),
  );
  rows.forEach((row, i) => {
    const line = i + 2;
    const candidate = {
      id: row['id'],
      villageId: row['villageId'],
      householdCode: row['householdCode'],
      headName: row['headName'],
      ...(row['titulaireName'] ? { titulaireName: row['titulaireName'] } : {}),
    };
    const parsed = beneficiaryHouseholdSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({ line, field: issue.path.join('.'), message: issue.message });
    const villageId = row['villageId'] ?? '';
    if (villageId !== '' && !knownVillages.has(villageId))
      errors.push({
        line,
        field: 'villageId',
        message: `village inconnu « ${villageId} » (importez d’abord les villages)`,
      });
    if (parsed.success) households.push(parsed.data);
  });
  if (errors.length > 0) fail(errors);
  await deps.store.write(async (tx) => {
    for (const h of households) await saveHousehold(tx, deps, h, actorId);
  });
  return { imported: households.length };
}
