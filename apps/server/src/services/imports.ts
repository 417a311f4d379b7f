import { createHash } from 'node:crypto';
import {
  beneficiaryHouseholdSchema,
  getArea,
  searchKey,
  searchCommunes,
  villageSchema,
  type BeneficiaryHousehold,
  type Village,
} from '@jigi/domain';
import type {
  ImportLineError,
  ImportPreview,
  ImportResult,
  ReferenceImportKind,
} from '@jigi/contract';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { HouseholdRow, VillageRow } from '../storage/rows';
import type { Deps } from './deps';
import { frenchIssue } from './french-issues';
import { saveHousehold, saveVillage } from './reference';
import { readTable, type Table, type TableRow } from './spreadsheet';
import { areaPath } from './zone-labels';

// Villages and beneficiary households from a spreadsheet (CSV or XLSX), in two steps: a preview that
// checks every line and imports nothing, then a confirmation with the preview's token that imports
// exactly those lines — or nothing, when any line is wrong or the file changed since the preview.

const MAX_LINES = 20_000;
const MAX_ERRORS_LISTED = 500;
const SAMPLE_LINES = 100;

const villageColumns = {
  id: ['identifiant', 'code village', 'id village'],
  name: ['nom', 'village', 'nom du village'],
  communeCode: ['code commune'],
  commune: ['nom de la commune'],
  cercle: ['nom du cercle'],
  pnp: [],
  demo: ['démo'],
  quota: ['quota ménages'],
} as const;
const householdColumns = {
  id: ['identifiant'],
  villageId: ['id village', 'code village', 'identifiant village'],
  householdCode: ['code ménage', 'code du ménage', 'code'],
  headName: ['chef de ménage', 'nom du chef de ménage', 'chef'],
  titulaireName: ['titulaire', 'nom du titulaire'],
} as const;

type Plan<T> = { items: { line: number; value: T; isNew: boolean }[]; errors: ImportLineError[] };

/** Checks the file and says what importing it would do; writes nothing. */
export async function previewReferenceImport(
  deps: Deps,
  kind: ReferenceImportKind,
  file: string | Buffer,
): Promise<ImportPreview> {
  const { table, plan, token, villages } = await planFile(deps, kind, file);
  const columns = kind === 'villages' ? villageSampleColumns : householdSampleColumns;
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  // Lines as people read them: names of communes and villages, not their codes.
  const shown = (value: Village | BeneficiaryHousehold): Record<string, unknown> =>
    'communeCode' in value
      ? { ...value, commune: areaPath(value.communeCode) }
      : { ...value, village: villageName.get(value.villageId) ?? value.villageId };
  return {
    kind,
    token,
    lines: table.rows.length,
    creates: plan.items.filter((i) => i.isNew).length,
    updates: plan.items.filter((i) => !i.isNew).length,
    columns,
    sample: plan.items.slice(0, SAMPLE_LINES).map((i) => ({
      line: i.line,
      values: Object.fromEntries(columns.map((c) => [c, display(shown(i.value)[c])])),
    })),
    errors: plan.errors.slice(0, MAX_ERRORS_LISTED),
    moreErrors: Math.max(0, plan.errors.length - MAX_ERRORS_LISTED),
  };
}

/** Imports the previewed file: the same token, no error, or nothing at all. */
export async function confirmReferenceImport(
  deps: Deps,
  kind: ReferenceImportKind,
  file: string | Buffer,
  token: string,
  actorId: string,
): Promise<ImportResult> {
  const { plan, token: actual } = await planFile(deps, kind, file);
  if (plan.errors.length > 0) {
    const first = plan.errors[0];
    throw new AppError('invalid_import_file', {
      ...(first === undefined
        ? {}
        : {
            message: `Ligne ${first.line}, colonne « ${first.column} » : ${first.message} (${plan.errors.length} erreur(s), rien n’a été importé).`,
          }),
      details: { errors: plan.errors.slice(0, MAX_ERRORS_LISTED) },
    });
  }
  if (actual !== token)
    throw new AppError('import_preview_mismatch', { details: { field: 'token' } });
  await deps.store.write(async (tx) => {
    for (const { value } of plan.items)
      if (kind === 'villages') await saveVillage(tx, deps, value as Village, actorId);
      else await saveHousehold(tx, deps, value as BeneficiaryHousehold, actorId);
  });
  const creates = plan.items.filter((i) => i.isNew).length;
  return { kind, imported: plan.items.length, creates, updates: plan.items.length - creates };
}

async function planFile(deps: Deps, kind: ReferenceImportKind, file: string | Buffer) {
  const table = await readTable(file, kind === 'villages' ? villageColumns : householdColumns);
  const { villages, households } = await deps.store.read(async (tx) => {
    const villages = await tx.reference.listVillages();
    const households =
      kind === 'households' ? await tx.reference.listHouseholds(villages.map((v) => v.id)) : [];
    return { villages, households };
  });
  const plan: Plan<Village | BeneficiaryHousehold> =
    kind === 'villages'
      ? planVillages(table, villages)
      : planHouseholds(table, villages, households);
  // The token is the hash of what would be saved: another file, or the same file read differently
  // (a village renamed meanwhile changes nothing here, a line edited does), cannot match it.
  const token = createHash('sha256')
    .update(JSON.stringify([kind, plan.items.map((i) => i.value)]))
    .digest('hex');
  return { table, plan, token, villages };
}

const villageSampleColumns = ['name', 'commune', 'pnp', 'quota'];
const householdSampleColumns = ['householdCode', 'village', 'headName', 'titulaireName'];

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function checkShape(table: Table, required: readonly (readonly string[])[]): ImportLineError[] {
  const errors: ImportLineError[] = [];
  for (const anyOf of required)
    if (!anyOf.some((c) => table.header.includes(c)))
      errors.push({
        line: 1,
        column: anyOf.join(' ou '),
        message: 'colonne obligatoire absente de l’en-tête',
      });
  if (table.rows.length === 0)
    errors.push({ line: 2, column: '-', message: 'le fichier ne contient aucune ligne' });
  if (table.rows.length > MAX_LINES)
    errors.push({ line: MAX_LINES + 2, column: '-', message: `plus de ${MAX_LINES} lignes` });
  return errors;
}

function issuesOf(line: number, error: z.ZodError, columnOf: (path: string) => string) {
  return error.issues.map((issue) => ({
    line,
    column: columnOf(issue.path.join('.')),
    message: frenchIssue(issue),
  }));
}

const YES = ['1', 'oui', 'o', 'vrai', 'true', 'yes', 'x'];
const NO = ['', '0', 'non', 'n', 'faux', 'false', 'no'];
function yesNo(row: TableRow, column: string, errors: ImportLineError[]): boolean {
  const v = searchKey(row.cells[column] ?? '');
  if (YES.includes(v)) return true;
  if (!NO.includes(v))
    errors.push({ line: row.line, column, message: '« oui » ou « non » attendu' });
  return false;
}

/** The commune code of a line: its `communeCode`, or its commune's name (and cercle's, if homonyms). */
function communeOf(row: TableRow, errors: ImportLineError[]): string | undefined {
  const code = row.cells['communeCode'] ?? '';
  if (code !== '') {
    if (getArea(code)?.level === 'commune') return code;
    errors.push({
      line: row.line,
      column: 'communeCode',
      message: `commune inconnue « ${code} » (code de la liste administrative, ex. mopti.koro.dioungani)`,
    });
    return undefined;
  }
  const name = row.cells['commune'] ?? '';
  if (name === '') {
    errors.push({ line: row.line, column: 'commune', message: 'obligatoire (cellule vide)' });
    return undefined;
  }
  const cercle = searchKey(row.cells['cercle'] ?? '');
  const exact = searchCommunes(name, 200).filter(
    (c) =>
      [c.name, ...(c.aliases ?? [])].some((n) => searchKey(n) === searchKey(name)) &&
      (cercle === '' || searchKey(c.cercleName) === cercle),
  );
  const [only, ...others] = exact;
  if (only !== undefined && others.length === 0) return only.code;
  errors.push({
    line: row.line,
    column: 'commune',
    message:
      only === undefined
        ? `commune « ${name} » introuvable dans la liste administrative du Mali`
        : `plusieurs communes « ${name} » (cercles ${exact.map((c) => c.cercleName).join(', ')}) : précisez la colonne « cercle »`,
  });
  return undefined;
}

const slug = (s: string) =>
  searchKey(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function planVillages(table: Table, existing: VillageRow[]): Plan<Village> {
  const errors = checkShape(table, [['name'], ['communeCode', 'commune']]);
  if (errors.some((e) => e.line === 1)) return { items: [], errors };
  const known = new Set(existing.map((v) => v.id));
  const seen = new Map<string, number>();
  const items: Plan<Village>['items'] = [];
  for (const row of table.rows) {
    const lineErrors: ImportLineError[] = [];
    const communeCode = communeOf(row, lineErrors);
    const name = row.cells['name'] ?? '';
    // Without an id, the village is named by its commune and its name: importing again updates it.
    const id = row.cells['id'] || (communeCode && name ? `${communeCode}.${slug(name)}` : '');
    const quotaText = row.cells['quota'] ?? '';
    const quota = quotaText === '' ? undefined : Number(quotaText.replace(/\s/g, ''));
    const candidate = {
      id,
      name,
      communeCode: communeCode ?? '',
      demo: yesNo(row, 'demo', lineErrors),
      pnp: yesNo(row, 'pnp', lineErrors),
      ...(quota === undefined ? {} : { quota }),
    };
    const parsed = villageSchema.safeParse(candidate);
    if (!parsed.success)
      lineErrors.push(
        ...issuesOf(row.line, parsed.error, (p) => (p === 'communeCode' ? 'commune' : p)).filter(
          // An id left to be made from the commune: the commune's error says it all.
          (e) =>
            !(e.column === 'id' && !row.cells['id']) &&
            !(e.column === 'commune' && communeCode === undefined),
        ),
      );
    const twin = seen.get(id);
    if (id !== '' && twin !== undefined)
      lineErrors.push({
        line: row.line,
        column: 'id',
        message: `même village que la ligne ${twin}`,
      });
    seen.set(id, row.line);
    // A cell the checks above already named once is reported once.
    errors.push(...dedupe(lineErrors));
    if (parsed.success && lineErrors.length === 0)
      items.push({ line: row.line, value: parsed.data, isNew: !known.has(parsed.data.id) });
  }
  return { items, errors };
}

function planHouseholds(
  table: Table,
  villages: VillageRow[],
  existing: HouseholdRow[],
): Plan<BeneficiaryHousehold> {
  const errors = checkShape(table, [['villageId'], ['householdCode'], ['headName']]);
  if (errors.some((e) => e.line === 1)) return { items: [], errors };
  const villageIds = new Set(villages.map((v) => v.id));
  const byCode = new Map(
    existing.map((h) => {
      const code = h.data['householdCode'];
      return [`${h.villageId}\u0000${typeof code === 'string' ? code : ''}`, h.id];
    }),
  );
  const known = new Set(existing.map((h) => h.id));
  const seen = new Map<string, number>();
  const items: Plan<BeneficiaryHousehold>['items'] = [];
  for (const row of table.rows) {
    const lineErrors: ImportLineError[] = [];
    const villageId = row.cells['villageId'] ?? '';
    const code = row.cells['householdCode'] ?? '';
    if (villageId !== '' && !villageIds.has(villageId))
      lineErrors.push({
        line: row.line,
        column: 'villageId',
        message: `village inconnu « ${villageId} » (importez d’abord les villages)`,
      });
    const codeKey = `${villageId}\u0000${code}`;
    // Without an id, the household is the one with this code in this village, or a new one whose id
    // follows from them: importing the same file again updates instead of duplicating.
    const id = row.cells['id'] || byCode.get(codeKey) || householdIdFor(villageId, code);
    const candidate = {
      id,
      villageId,
      householdCode: code,
      headName: row.cells['headName'] ?? '',
      ...(row.cells['titulaireName'] ? { titulaireName: row.cells['titulaireName'] } : {}),
    };
    const parsed = beneficiaryHouseholdSchema.safeParse(candidate);
    if (!parsed.success) lineErrors.push(...issuesOf(row.line, parsed.error, (p) => p));
    const twin = seen.get(codeKey);
    if (code !== '' && twin !== undefined)
      lineErrors.push({
        line: row.line,
        column: 'householdCode',
        message: `même code ménage que la ligne ${twin} dans ce village`,
      });
    seen.set(codeKey, row.line);
    errors.push(...dedupe(lineErrors));
    if (parsed.success && lineErrors.length === 0)
      items.push({ line: row.line, value: parsed.data, isNew: !known.has(parsed.data.id) });
  }
  return { items, errors };
}

/** A stable UUID (version 8, RFC 9562) from the village and household code. */
export function householdIdFor(villageId: string, code: string): string {
  const h = createHash('sha256').update(`household\u0000${villageId}\u0000${code}`).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function dedupe(errors: ImportLineError[]): ImportLineError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.column}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
