import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';

/** Shows a new recovery code once, before the app opens. */
export function RecoveryCodeNotice({ code, onNoted }: { code: string; onNoted: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <main className="page narrow">
      <h1>{t('recoveryShowTitle')}</h1>
      <p>{t('recoveryShowIntro')}</p>
      <p className="lead" data-testid="recovery-code">
        <strong>{code}</strong>
      </p>
      <Button variant="primary" onClick={onNoted}>
        {t('recoveryNoted')}
      </Button>
    </main>
  );
}
