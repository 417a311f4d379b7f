import { useTranslation } from 'react-i18next';
import { useShownFieldIssues } from '../../lib/form-issues';

/** The errors and warnings of one field, under it, in French (from the domain rules), once revealed. */
export function FieldIssues({ name, id }: { name: string; id: string }) {
  const issues = useShownFieldIssues(name);
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div id={id} className="field-issues">
      {issues.map((issue) => (
        <p key={`${issue.rule}:${issue.message}`} className={`issue issue-${issue.severity}`}>
          <span className="issue-tag">
            {issue.severity === 'error' ? t('error') : t('warning')} :{' '}
          </span>
          {issue.message}
        </p>
      ))}
    </div>
  );
}

export function useHasError(name: string): boolean {
  return useShownFieldIssues(name).some((i) => i.severity === 'error');
}
