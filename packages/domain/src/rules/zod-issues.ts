import type { z } from 'zod';
import { fieldLabels } from './field-labels';
import { issue, type Issue } from './issue';

type Segment = PropertyKey;

/**
 * Turns a zod path (array indices) into a sync field path (keyed array items by id), reading ids
 * from the input: `['members', 2, 'sex']` → `members.<id of members[2]>.sex`. An array without ids
 * (a list of theme codes) is one leaf, as in `flattenRecord`: `['themes', 1]` → `themes`.
 */
export function toFieldPath(path: readonly Segment[], input: unknown): string {
  const out: string[] = [];
  let node: unknown = input;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(node)) {
      if (!node.some((x) => isObject(x) && typeof x.id === 'string')) break;
      const item: unknown = node[seg];
      const id =
        isObject(item) && typeof item.id === 'string' && item.id !== '' ? item.id : String(seg);
      out.push(id);
      node = item;
    } else {
      out.push(String(seg));
      node = isObject(node) ? node[String(seg)] : undefined;
    }
  }
  return out.join('.');
}

/** The French name of the field at a zod path, with the array line it is in (« Prénom (membre n°2) »). */
export function describeField(path: readonly Segment[], input: unknown): string {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  const label = typeof last === 'string' ? (fieldLabels[last] ?? last) : 'Enregistrement';
  const line = lineLabel(path, input);
  return line ? `${label} (${line})` : label;
}

function lineLabel(path: readonly Segment[], input: unknown): string | undefined {
  let node: unknown = input;
  let found: string | undefined;
  for (let i = 0; i < path.length; i += 1) {
    const seg = path[i];
    if (typeof seg === 'number' && Array.isArray(node)) {
      const item: unknown = node[seg];
      const arrayName = path[i - 1];
      if (i < path.length - 1) found = lineName(String(arrayName), item, seg);
      node = item;
    } else {
      node = isObject(node) ? node[String(seg)] : undefined;
    }
  }
  return found;
}

/** How a line of a keyed array is named in messages. */
export function lineName(arrayName: string, item: unknown, index: number): string {
  const o = isObject(item) ? item : {};
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  switch (arrayName) {
    case 'members': {
      const no = typeof o.memberNo === 'number' ? o.memberNo : index + 1;
      return `membre n°${no}`;
    }
    case 'children':
      return `enfant ${text(o.name) ?? `n°${index + 1}`}`;
    case 'women':
      return `femme ${text(o.name) ?? `n°${index + 1}`}`;
    case 'attendance':
      return `ménage ${text(o.householdCode) ?? `n°${index + 1}`}`;
    default:
      return `ligne ${index + 1}`;
  }
}

/** Maps zod issues to French `Issue`s with field paths; zod's English messages never leak. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): Issue[] {
  return issues.map((zi) => {
    const field = describeField(zi.path, input);
    return issue(
      toFieldPath(zi.path, input),
      `structure.${zi.code}`,
      'error',
      `${field} : ${reason(zi, input)}.`,
    );
  });
}

/** True when the zod issue is only "this required field is not filled in yet" (tolerated in drafts). */
export function isMissingField(zi: z.core.$ZodIssue, input: unknown): boolean {
  // A missing enum or literal is reported as `invalid_value`, a missing union as `invalid_union`.
  const codes: readonly string[] = ['invalid_type', 'invalid_value', 'invalid_union'];
  return zi.path.length > 0 && codes.includes(zi.code) && valueAt(input, zi.path) === undefined;
}

function reason(zi: z.core.$ZodIssue, input: unknown): string {
  if (isMissingField(zi, input)) return 'champ obligatoire';
  switch (zi.code) {
    case 'invalid_type':
      return `valeur de type incorrect (${typeName(zi.expected)} attendu)`;
    case 'too_small':
      return bound(zi.origin, 'min', zi.minimum, zi.inclusive ?? true);
    case 'too_big':
      return bound(zi.origin, 'max', zi.maximum, zi.inclusive ?? true);
    case 'invalid_format':
      return formatReason(zi.format, zi.path);
    case 'not_multiple_of':
      return `doit être un multiple de ${String(zi.divisor).replace('.', ',')}`;
    case 'invalid_value':
      return zi.values.length === 1
        ? `valeur attendue : ${String(zi.values[0])}`
        : `valeur non autorisée (valeurs possibles : ${zi.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `champs inconnus : ${zi.keys.join(', ')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'valeur invalide';
    case 'custom':
      // A check that says why in French (refuseUnsafeText) is named; others stay generic.
      return typeof zi.params?.['reason'] === 'string' ? zi.params['reason'] : 'valeur invalide';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'texte',
    number: 'nombre',
    int: 'nombre entier',
    boolean: 'oui/non',
    object: 'objet',
    array: 'liste',
    date: 'date',
  };
  return names[expected] ?? expected;
}

function bound(
  origin: string,
  side: 'min' | 'max',
  limit: number | bigint,
  inclusive: boolean,
): string {
  const n = String(limit).replace('.', ',');
  if (origin === 'string')
    return side === 'min'
      ? Number(limit) <= 1
        ? 'champ obligatoire'
        : `au moins ${n} caractères`
      : `au plus ${n} caractères`;
  if (origin === 'array' || origin === 'set')
    return side === 'min' ? `au moins ${n} élément(s)` : `au plus ${n} éléments`;
  if (side === 'min') return inclusive ? `doit être d’au moins ${n}` : `doit être supérieur à ${n}`;
  return inclusive ? `doit être d’au plus ${n}` : `doit être inférieur à ${n}`;
}

function formatReason(format: string, path: readonly Segment[]): string {
  const last = String(path[path.length - 1] ?? '');
  if (format === 'regex') {
    if (/phone/i.test(last)) return 'numéro malien au format +223XXXXXXXX attendu';
    if (last === 'nina') return '14 chiffres suivis d’une lettre de contrôle attendus';
    if (/time/i.test(last)) return 'heure au format HH:mm attendue';
    return 'format invalide';
  }
  if (format === 'date' && last === 'dob')
    return 'date au format jj/mm/aaaa, mm/aaaa ou aaaa attendue';
  const formats: Record<string, string> = {
    date: 'date au format jj/mm/aaaa attendue',
    datetime: 'date et heure ISO (UTC) attendues',
    uuid: 'identifiant (UUID) invalide',
  };
  return formats[format] ?? 'format invalide';
}

/** The value at a zod path in the input (`undefined` if any step is missing). */
export function valueAt(input: unknown, path: readonly Segment[]): unknown {
  let node = input;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isObject(node)) node = node[String(seg)];
    else return undefined;
  }
  return node;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
