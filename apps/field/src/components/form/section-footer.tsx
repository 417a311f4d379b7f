import { useTranslation } from 'react-i18next';
import { Button } from '../button';

/** « Précédent / Suivant » between the sections of a multi-section form. */
export function SectionFooter<S extends string>({
  sections,
  current,
  go,
}: {
  sections: readonly S[];
  current: S;
  go: (section: S) => void;
}) {
  const { t } = useTranslation();
  const index = sections.indexOf(current);
  return (
    <div className="form-footer">
      <Button
        disabled={index <= 0}
        onClick={() => {
          go(sections[index - 1] ?? current);
        }}
      >
        ← {t('common:previous')}
      </Button>
      <Button
        variant="primary"
        disabled={index >= sections.length - 1}
        onClick={() => {
          go(sections[index + 1] ?? current);
        }}
      >
        {t('common:next')} →
      </Button>
    </div>
  );
}
