import { table } from '../report';
import type { TargetRow } from '../section-report';
import { formatValue } from './stats';

/** The section's table (metric, value, unit, target, met, note) followed by how each figure was taken. */
export function sectionMarkdown(
  title: string,
  rows: readonly TargetRow[],
  methods: readonly string[],
): string {
  const verdict = (met: boolean | null): string => (met === null ? '—' : met ? 'yes' : '**no**');
  const body = table(
    ['metric', 'value', 'unit', 'target', 'met', 'note'],
    rows.map((r) => [
      r.metric,
      formatValue(r.value),
      r.unit,
      r.target,
      verdict(r.met),
      (r.note ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' '),
    ]),
  );
  return [
    `## ${title}`,
    '',
    body,
    '',
    '**How each figure is taken**',
    '',
    ...methods.map((m) => `- ${m}`),
    '',
  ].join('\n');
}
