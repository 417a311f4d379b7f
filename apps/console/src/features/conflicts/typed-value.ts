import type { Json } from '@jigi/sync';

/**
 * A value typed by the supervisor, read as the kind of the values in conflict: a number when they
 * are numbers (French decimal comma accepted), a boolean for oui/non, else the trimmed text.
 * `undefined`: the text does not fit (the form says so and sends nothing).
 */
export function parseTypedValue(text: string, like: readonly Json[]): Json | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (like.some((v) => typeof v === 'number')) {
    const n = Number(trimmed.replace(',', '.').replace(/\s/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (like.some((v) => typeof v === 'boolean')) {
    const k = trimmed.toLowerCase();
    if (k === 'oui' || k === 'true') return true;
    if (k === 'non' || k === 'false') return false;
    return undefined;
  }
  return trimmed;
}
