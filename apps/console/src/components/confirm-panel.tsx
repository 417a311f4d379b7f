import { useId, type ReactNode } from 'react';
import { Button } from './button';
import { useSupervisorT } from '../lib/i18n';

/** An inline confirmation: states what will happen, then « Confirmer » or « Annuler ». */
export function ConfirmPanel({
  title,
  children,
  busy,
  onConfirm,
  onCancel,
  danger,
}: {
  title: string;
  children?: ReactNode;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const { t } = useSupervisorT();
  const id = useId();
  return (
    <div className="sup-confirm" role="alertdialog" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="lead">
        {title}
      </p>
      {children}
      <div className="row">
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {busy ? t('sending') : t('confirm')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
