import type { Issue } from '@jigi/sync';
import { useSupervisorT } from '../lib/i18n';

/** The domain rules' warnings of a record, highlighted; messages are the domain's French text. */
export function WarningList({ warnings }: { warnings: readonly Issue[] }) {
  const { t } = useSupervisorT();
  if (warnings.length === 0) return null;
  return (
    <div
      className="sup-warnings"
      role="group"
      aria-label={t('warnings.title', { count: warnings.length })}
    >
      <strong>{t('warnings.title', { count: warnings.length })}</strong>
      <ul>
        {warnings.map((w) => (
          <li
            key={`${w.rule}|${w.path}`}
            className={w.severity === 'error' ? 'issue issue-error' : 'issue issue-warning'}
          >
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
