// The tablet's clock is used for display and audit only (docs/decisions.md §3.4). Africa/Bamako is UTC+0, so
// the local calendar date is the UTC date.

export function nowIso(): string {
  return new Date().toISOString();
}

export function todayIso(): string {
  return nowIso().slice(0, 10);
}

export function newId(): string {
  return crypto.randomUUID();
}
