import { useTranslation } from 'react-i18next';
import { useAllIssues } from '../../lib/form-issues';
import { Button } from '../button';

export interface Section {
  id: string;
  title: string;
  /** Field-name prefixes of the section, to mark it when it has errors. */
  prefixes?: readonly string[];
}

/** The form's sections as big buttons; a section with an error is outlined in red. */
export function SectionNav({
  sections,
  current,
  onGo,
}: {
  sections: readonly Section[];
  current: string;
  onGo: (id: string) => void;
}) {
  const { t } = useTranslation();
  const issues = useAllIssues();
  return (
    <nav className="sections-nav" aria-label={t('form.sections')}>
      {sections.map((s) => {
        const hasErrors = issues.some(
          (i) =>
            i.severity === 'error' &&
            (s.prefixes ?? [s.id]).some(
              (p) => i.name !== undefined && (i.name === p || i.name.startsWith(`${p}.`)),
            ),
        );
        return (
          <Button
            key={s.id}
            className={hasErrors ? 'has-errors' : undefined}
            aria-current={s.id === current ? 'step' : undefined}
            onClick={() => {
              onGo(s.id);
            }}
          >
            {s.title}
          </Button>
        );
      })}
    </nav>
  );
}
