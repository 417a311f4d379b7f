import type { BatchListRow as Batch } from '@jigi/contract';
import { useSupervisorT } from '../../lib/i18n';

/** « 3 Ciblage (ménage), 1 Séance MA » from a batch's counts by record type. */
export function TypeCounts({ counts }: { counts: Batch['counts'] }) {
  const { t } = useSupervisorT();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  return (
    <ul className="sup-inline-list">
      {entries.map(([type, n]) => (
        <li key={type}>
          {t('batches.typeCount', {
            count: n,
            type: t(`recordTypes.${type}`, { defaultValue: type }),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Records per review status, in the order a supervisor works them. */
export function StatusCounts({ counts }: { counts: Batch['statusCounts'] }) {
  const { t } = useSupervisorT();
  const order = ['received', 'returned', 'approved', 'rejected'] as const;
  return (
    <ul className="sup-inline-list">
      {order
        .filter((s) => (counts[s] ?? 0) > 0)
        .map((s) => (
          <li key={s} className={`sup-status-${s}`}>
            {t(`statusCount.${s}`, { count: counts[s] ?? 0 })}
          </li>
        ))}
    </ul>
  );
}
