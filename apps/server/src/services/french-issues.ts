import type { z } from 'zod';

// zod's own messages are English and name types (« expected string »); a line of an imported
// spreadsheet is read by an administrator, so each rule is said again in French. A message the
// schema wrote itself (already French) is kept.

const englishDefault = /^(Invalid|Too (small|big)|Expected|Required|Unrecognized)/;

export function frenchIssue(issue: z.core.$ZodIssue): string {
  if (!englishDefault.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'obligatoire (cellule vide)'
          : `au moins ${String(issue.minimum)} caractères`;
      if (issue.origin === 'array') return `au moins ${String(issue.minimum)} élément(s)`;
      return `doit être au moins ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `au plus ${String(issue.maximum)} caractères`;
      if (issue.origin === 'array') return `au plus ${String(issue.maximum)} élément(s)`;
      return `doit être au plus ${String(issue.maximum)}`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'nombre entier attendu';
      if (issue.expected === 'boolean') return '« oui » ou « non » attendu';
      return 'obligatoire (cellule vide)';
    case 'invalid_format':
      if (issue.format === 'uuid') return 'identifiant au format UUID attendu (ou laissez vide)';
      if (issue.format === 'date') return 'date au format AAAA-MM-JJ attendue';
      return 'format invalide';
    case 'invalid_value':
      return `valeur attendue parmi : ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'valeur invalide';
  }
}
