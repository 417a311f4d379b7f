import { useTranslation } from 'react-i18next';
import { useAllIssues } from '../../lib/form-issues';
import { Notice } from '../notice';

/** Every error and warning of the form, listed (summary screen, and after a refused finalise). */
export function IssueSummary() {
  const { t } = useTranslation();
  const issues = useAllIssues();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <>
      {errors.length > 0 && (
        <Notice tone="error">
          <strong>{t('form.blocked')}</strong>
          <ul>
            {errors.map((i) => (
              <li key={`${i.path}:${i.rule}`}>{i.message}</li>
            ))}
          </ul>
        </Notice>
      )}
      {warnings.length > 0 && (
        <Notice tone="warning">
          <strong>{t('form.warnings')}</strong>
          <ul>
            {warnings.map((i) => (
              <li key={`${i.path}:${i.rule}`}>{i.message}</li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
