import { labelledEnum } from '../../common/labelled-enum';

/**
 * Deadlines and escalation of complaints. Categories carry a priority and the days allowed to
 * resolve (programme settings; the defaults are the taxonomy of the reference). The clock starts at
 * intake, on the tablet's clock corrected by its measured offset; a case is « at risk » with less than
 * a quarter of its time left and « breached » past its deadline, and a breached case moves up one
 * administrative level with a fresh deadline.
 */

export const complaintPriorities = labelledEnum({
  high: 'Haute',
  medium: 'Moyenne',
  low: 'Basse',
});
export type ComplaintPriority = (typeof complaintPriorities.codes)[number];
const priorityRank: Record<ComplaintPriority, number> = { high: 0, medium: 1, low: 2 };

export type ComplaintCategorySetting = {
  code: string;
  label: string;
  priority: ComplaintPriority;
  daysToResolve: number;
  /** Sensitive cases are read by designated focal points only. */
  sensitive: boolean;
};

/** The reference taxonomy, as settings start (an admin may change days and add sub-categories). */
export const defaultComplaintCategories: readonly ComplaintCategorySetting[] = [
  cat('vbg_eas', 'Violence basée sur le genre / exploitation et abus sexuels', 'high', 2, true),
  cat('corruption', 'Corruption, frais illicites', 'high', 3, true),
  cat('accident', 'Accident ou négligence', 'high', 3, false),
  cat('discrimination', 'Discrimination', 'high', 3, false),
  cat('exclusion', 'Erreur d’exclusion', 'medium', 4, false),
  cat('inclusion', 'Erreur d’inclusion', 'medium', 4, false),
  cat('paiement', 'Paiement non reçu, en retard, incomplet ou volé', 'low', 5, false),
  cat('carte_identite', 'Carte ou identité', 'low', 5, false),
  cat('information', 'Demande d’information', 'low', 3, false),
];

function cat(
  code: string,
  label: string,
  priority: ComplaintPriority,
  daysToResolve: number,
  sensitive: boolean,
): ComplaintCategorySetting {
  return { code, label, priority, daysToResolve, sensitive };
}

/**
 * The category that leads when several apply: the most restrictive — highest priority, then fewest
 * days — and sensitive whenever any of them is (a case is never less protected for being filed twice).
 */
export function leadingCategory(
  codes: readonly string[],
  settings: readonly ComplaintCategorySetting[] = defaultComplaintCategories,
): ComplaintCategorySetting {
  const found = codes.map((c) => {
    const s = settings.find((x) => x.code === c);
    if (s === undefined) throw new RangeError(`unknown complaint category: ${c}`);
    return s;
  });
  if (found.length === 0) throw new RangeError('a complaint needs at least one category');
  const lead = found.reduce((best, s) => {
    const byPriority = priorityRank[s.priority] - priorityRank[best.priority];
    const stricter = byPriority < 0 || (byPriority === 0 && s.daysToResolve < best.daysToResolve);
    return stricter ? s : best;
  });
  return { ...lead, sensitive: found.some((s) => s.sensitive) };
}

const DAY_MS = 86_400_000;

/**
 * When the complaint was received, on the server's clock. With a measured offset (server − tablet,
 * as the sync measures it) the tablet's time is corrected; never later than the server received it.
 * Without an offset, the tablet's time is kept only when it is not after the receipt and not absurdly
 * early (before the tablet was registered); otherwise the receipt time stands and the case says so.
 */
export function intakeInstant(input: {
  deviceAt: string;
  clockOffsetMs?: number | null | undefined;
  receivedAt: string;
  deviceRegisteredAt?: string | undefined;
}): { at: string; clockTrusted: boolean } {
  const device = Date.parse(input.deviceAt);
  const received = Date.parse(input.receivedAt);
  if (input.clockOffsetMs !== undefined && input.clockOffsetMs !== null) {
    const corrected = Math.min(device + input.clockOffsetMs, received);
    return { at: new Date(corrected).toISOString(), clockTrusted: true };
  }
  const floor =
    input.deviceRegisteredAt === undefined ? -Infinity : Date.parse(input.deviceRegisteredAt);
  if (device <= received && device >= floor)
    return { at: new Date(device).toISOString(), clockTrusted: true };
  return { at: new Date(received).toISOString(), clockTrusted: false };
}

/** Deadline: intake plus the category's days (calendar days, as people count them). */
export function dueAt(intakeAt: string, daysToResolve: number): string {
  return new Date(Date.parse(intakeAt) + daysToResolve * DAY_MS).toISOString();
}

export const deadlineStates = labelledEnum({
  on_time: 'Dans les délais',
  at_risk: 'Délai bientôt dépassé',
  breached: 'Délai dépassé',
});
export type DeadlineState = (typeof deadlineStates.codes)[number];

/** At risk under a quarter of the time left; breached once `now` is past the deadline. */
export function deadlineState(startedAt: string, due: string, now: string): DeadlineState {
  const start = Date.parse(startedAt);
  const end = Date.parse(due);
  const t = Date.parse(now);
  if (t > end) return 'breached';
  return end - t < (end - start) / 4 ? 'at_risk' : 'on_time';
}

export const escalationLevels = labelledEnum({
  village: 'Comité villageois',
  commune: 'Commune',
  cercle: 'Cercle',
  region: 'Région',
  national: 'Unité nationale',
});
export type EscalationLevel = (typeof escalationLevels.codes)[number];

/** The level above (the national unit is the last). */
export function nextLevel(level: EscalationLevel): EscalationLevel {
  const i = escalationLevels.codes.indexOf(level);
  return escalationLevels.codes[i + 1] ?? level;
}

export type EscalationFacts = {
  level: EscalationLevel;
  /** When the current level took the case (intake for the first level). */
  levelSince: string;
  dueAt: string;
  daysToResolve: number;
  /** Closed cases and cases awaiting the complainant's appeal are not escalated. */
  open: boolean;
};

/**
 * The escalation a breached open case needs at `now`, or null: the next level, from now, with the
 * category's days again. A case already at the national unit stays there (its breach is reported).
 */
export function escalationDue(
  c: EscalationFacts,
  now: string,
): { level: EscalationLevel; levelSince: string; dueAt: string } | null {
  if (!c.open || c.level === 'national') return null;
  if (deadlineState(c.levelSince, c.dueAt, now) !== 'breached') return null;
  return { level: nextLevel(c.level), levelSince: now, dueAt: dueAt(now, c.daysToResolve) };
}
