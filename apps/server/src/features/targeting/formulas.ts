import { pmtFormulaSchema, type PmtFormula } from '@jigi/domain/targeting';
import type { JsonObject } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import type { Deps } from '../../services/deps';
import type { Tx } from '../../storage/store';
import type { PmtFormulaRow } from '../../storage/targeting-rows';
import type { FormulaSummary } from '@jigi/contract';

// PMT formula versions: uploaded by an administrator, adopted (the one in force is the latest
// adoption), never edited or deleted, so every stored score can name the formula that gave it.

/** The formula in force and its row, or undefined before any adoption. */
export async function formulaInForce(
  tx: Tx,
): Promise<{ row: PmtFormulaRow; formula: PmtFormula } | undefined> {
  const [latest] = await tx.targeting.adoptions();
  if (latest === undefined) return undefined;
  const row = await tx.targeting.formulaByVersion(latest.formulaVersion);
  if (row === undefined) throw new Error(`adopted formula ${latest.formulaVersion} is missing`);
  return { row, formula: pmtFormulaSchema.parse(row.data) };
}

/** Like formulaInForce, but a request that needs one gets a French explanation when there is none. */
export async function requireFormulaInForce(tx: Tx) {
  const inForce = await formulaInForce(tx);
  if (inForce === undefined)
    throw new AppError('invalid_state', {
      message:
        'Aucune formule PMT n’est en vigueur : un administrateur doit en téléverser une et l’adopter.',
    });
  return inForce;
}

export async function formulaSummaries(tx: Tx): Promise<FormulaSummary[]> {
  const rows = await tx.targeting.listFormulas();
  const adoptions = await tx.targeting.adoptions();
  const inForce = adoptions[0]?.formulaVersion;
  return rows.map((row) => summaryOf(row, adoptions, inForce));
}

export function summaryOf(
  row: PmtFormulaRow,
  adoptions: readonly { formulaVersion: string; adoptedAt: string }[],
  inForce: string | undefined,
): FormulaSummary {
  const formula = pmtFormulaSchema.parse(row.data);
  return {
    version: row.version,
    label: row.label,
    demo: row.demo,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt,
    adoptedAt: adoptions.find((a) => a.formulaVersion === row.version)?.adoptedAt ?? null,
    inForce: row.version === inForce,
    indicatorCount: formula.indicators.length,
    zoneTypes: formula.models.map((m) => m.zoneType),
  };
}

/** Stores a new formula version; the version must be new (a version's scores must stay explainable). */
export async function uploadFormula(
  tx: Tx,
  deps: Deps,
  input: unknown,
  actorId: string,
): Promise<PmtFormula> {
  const parsed = pmtFormulaSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.map(String).join('.'), rule: i.code, message: i.message }));
    const first = issues[0];
    throw new AppError('invalid_body', {
      ...(first === undefined
        ? {}
        : { message: `Formule PMT, champ « ${first.path || '(corps)'} » : ${first.message}` }),
      details: { issues },
    });
  }
  const formula = parsed.data;
  if ((await tx.targeting.formulaByVersion(formula.version)) !== undefined)
    throw new AppError('already_exists', {
      message: `La version « ${formula.version} » de la formule existe déjà : une version téléversée ne change plus, donnez-en une nouvelle.`,
      details: { version: formula.version },
    });
  const at = deps.now().toISOString();
  await tx.targeting.insertFormula({
    version: formula.version,
    label: formula.label,
    demo: formula.demo,
    data: JSON.parse(JSON.stringify(formula)) as JsonObject,
    uploadedBy: actorId,
    uploadedAt: at,
  });
  await tx.audit.append({
    at,
    userId: actorId,
    action: 'pmt_formula.upload',
    entity: 'pmt_formula',
    entityId: formula.version,
    details: { demo: formula.demo },
  });
  return formula;
}

/** Puts a version in force (again, possibly): the latest adoption is the formula in force. */
export async function adoptFormula(
  tx: Tx,
  deps: Deps,
  version: string,
  actorId: string,
): Promise<PmtFormulaRow> {
  const row = await tx.targeting.formulaByVersion(version);
  if (row === undefined) throw new AppError('not_found', { details: { version } });
  const at = deps.now().toISOString();
  await tx.targeting.insertAdoption({ formulaVersion: version, adoptedBy: actorId, adoptedAt: at });
  await tx.audit.append({
    at,
    userId: actorId,
    action: 'pmt_formula.adopt',
    entity: 'pmt_formula',
    entityId: version,
    details: null,
  });
  return row;
}
