import { fieldLabels } from '../rules/field-labels';

/**
 * Deepest nesting of arrays and objects accepted in any value a client sends (a record, a patch
 * value, a conflict resolution). The deepest record is about 4 levels (`members[].…`); 32 leaves room
 * for any form to come, while every recursive step after this check (zod, JSON copies, the merge)
 * stays far from the stack limit, which thousands of levels reach.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Characters no text field may hold: C0 controls but tab, line feed and carriage return (NUL, ESC
 * that starts terminal escape sequences…), DEL, C1 controls (CSI U+009B is an escape too), and UTF-16
 * surrogates that are not part of a pair (they are not characters; exports and PostgreSQL refuse them).
 */
const UNSAFE_TEXT_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSAFE_TEXT = new RegExp(UNSAFE_TEXT_SOURCE);

/** `text` with each unsafe character replaced by `by` (U+FFFD by default), to keep a refused input. */
export function replaceUnsafeCharacters(text: string, by = '\uFFFD'): string {
  return text.replace(new RegExp(UNSAFE_TEXT_SOURCE, 'g'), by);
}

/** The first unsafe character of `text` as `U+XXXX`, or undefined when the text is clean. */
export function unsafeCharacterIn(text: string): string | undefined {
  const found = UNSAFE_TEXT.exec(text);
  if (found === null) return undefined;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Reason (French) of an unsafe character, for a field's message. */
export function unsafeCharacterReason(code: string): string {
  return code.startsWith('U+D')
    ? `caractère invalide (${code}, moitié de caractère UTF-16 isolée)`
    : `caractère de contrôle interdit (${code})`;
}

/** What is wrong with a value a client sent, at which field path (`members.3.firstName`). */
export type ContentProblem = {
  path: string;
  rule: 'content.too_deep' | 'content.control_character';
  message: string;
};

/** French name of the field at `path`, by its last named segment (as zod messages name fields). */
export function fieldNameOf(path: string): string {
  const named = path
    .split('.')
    .reverse()
    .find((s) => s !== '' && !/^\d+$/.test(s));
  const label = named === undefined ? undefined : fieldLabels[named];
  if (path === '') return 'Enregistrement';
  return label === undefined ? `« ${path} »` : `${label} (« ${path} »)`;
}

/**
 * The first problem of `value` that makes it unfit to store, walking it WITHOUT recursion (so that a
 * value nested thousands deep is measured, not a stack overflow): nesting deeper than `maxDepth`, or a
 * string (value or key) with an unsafe character (unless `text: 'unchecked'`: nesting alone).
 * `basePath` prefixes the paths it names.
 */
export function findContentProblem(
  value: unknown,
  basePath = '',
  maxDepth = MAX_JSON_DEPTH,
  options: { text?: 'checked' | 'unchecked' } = {},
): ContentProblem | undefined {
  const checkText = options.text !== 'unchecked';
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: basePath, depth: 0 },
  ];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: node, path, depth } = next;
    if (typeof node === 'string') {
      const bad = checkText ? unsafeCharacterIn(node) : undefined;
      if (bad !== undefined)
        return {
          path,
          rule: 'content.control_character',
          message: `${fieldNameOf(path)} : ${unsafeCharacterReason(bad)}.`,
        };
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth)
      return {
        path,
        rule: 'content.too_deep',
        message: `${fieldNameOf(path)} : valeur imbriquée trop profondément (au plus ${maxDepth} niveaux de listes et d’objets).`,
      };
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((item, i): [string, unknown] => [String(i), item])
      : Object.entries(node);
    if (checkText && !Array.isArray(node)) {
      for (const [key] of entries) {
        const badKey = unsafeCharacterIn(key);
        if (badKey !== undefined)
          return {
            path: join(path, key),
            rule: 'content.control_character',
            message: `Nom de champ ${JSON.stringify(key)} : ${unsafeCharacterReason(badKey)}.`,
          };
      }
    }
    // Reversed so that the first problem in reading order is the one named.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i] as [string, unknown];
      stack.push({ value: item, path: join(path, key), depth: depth + 1 });
    }
  }
  return undefined;
}
