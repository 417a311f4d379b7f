import type { Json } from '@jigi/sync';
import { useId, useState } from 'react';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { formatDateTimeFr } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { resolveConflict, type Conflict } from '../api/conflicts';
import { apiErrorText } from '../components/api-error-text';
import { ConfirmPanel } from '../components/confirm-panel';
import { consolePaths } from '../components/console-link';
import { useApiToken } from '../hooks/use-api-token';
import { agentName, useScope, villageName } from '../hooks/use-scope';
import { useSupervisorT } from '../i18n';
import { labelOf } from '../record/field-label';
import { formatValue, leafName } from '../record/value-labels';
import { parseTypedValue } from './typed-value';

type Side = { key: 'base' | 'server' | 'incoming'; value: Json | undefined; who?: string | undefined; device?: string | null | undefined; at?: string | null | undefined };

/** One conflict: base, server and incoming values side by side; choose one or type another. */
export function ConflictCard({ conflict, onResolved }: { conflict: Conflict; onResolved: () => void }) {
  const { t } = useSupervisorT();
  const token = useApiToken();
  const scope = useScope();
  const id = useId();
  const [pending, setPending] = useState<{ value: Json; label: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const type = conflict.recordType ?? '';
  const yesNo = { yes: t('yes'), no: t('no') };
  const show = (v: Json | undefined) => (v === undefined ? t('conflicts.unknownBase') : v === null ? t('conflicts.removed') : formatValue(type, leafName(conflict.path), v, yesNo));
  const sides: Side[] = [
    { key: 'base', value: conflict.baseValue },
    { key: 'server', value: conflict.serverValue, who: conflict.serverUserId ? agentName(scope, conflict.serverUserId, conflict.serverUserName) : conflict.serverUserName, device: conflict.serverBy, at: conflict.serverAt },
    { key: 'incoming', value: conflict.incomingValue, who: agentName(scope, conflict.userId, conflict.userName), device: conflict.deviceId, at: conflict.clientTime ?? conflict.createdAt },
  ];
  const field = labelOf(leafName(conflict.path));

  async function send(value: Json) {
    setBusy(true);
    setError(null);
    const result = await resolveConflict(token, conflict.id, value);
    setBusy(false);
    if (!result.ok) {
      setError(apiErrorText(result.error, t));
      return;
    }
    setPending(null);
    onResolved();
  }

  return (
    <article className="card sup-conflict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('conflicts.cardTitle', { field })}</h3>
      <p className="small">
        {conflict.recordType && t(`recordTypes.${conflict.recordType}`, { defaultValue: conflict.recordType })}
        {conflict.villageId && ` · ${villageName(scope, conflict.villageId)}`} ·{' '}
        <Link to={consolePaths.record(conflict.recordId)}>{t('conflicts.openRecord')}</Link>
      </p>
      <div className="sup-sides">
        {sides.map((side) => (
          <section key={side.key} className={`sup-side sup-side-${side.key}`} aria-label={t(`conflicts.sides.${side.key}`)}>
            <h4>{t(`conflicts.sides.${side.key}`)}</h4>
            <p className="sup-value">{show(side.value)}</p>
            {side.key === 'base' ? (
              <p className="small">{t('conflicts.baseVersion', { version: conflict.baseVersion })}</p>
            ) : (
              <dl className="summary small">
                <dt>{t('conflicts.agent')}</dt>
                <dd>{side.who ?? '—'}</dd>
                <dt>{t('conflicts.device')}</dt>
                <dd>{side.device ?? '—'}</dd>
                <dt>{t('conflicts.time')}</dt>
                <dd>{side.at ? formatDateTimeFr(side.at) : '—'}</dd>
              </dl>
            )}
            {side.key !== 'base' && side.value !== undefined && (
              <Button
                variant="primary"
                disabled={busy}
                onClick={() => { setPending({ value: side.value ?? null, label: show(side.value) }); }}
              >
                {t(`conflicts.choose.${side.key}`)}
              </Button>
            )}
          </section>
        ))}
      </div>
      <form
        className="row sup-typed"
        onSubmit={(e) => {
          e.preventDefault();
          const value = parseTypedValue(typed, [conflict.serverValue, conflict.incomingValue]);
          if (value === undefined) {
            setError(t('conflicts.typedInvalid'));
            return;
          }
          setPending({ value, label: show(value) });
        }}
      >
        <div className="field grow">
          <label htmlFor={`${id}-typed`}>{t('conflicts.typedLabel', { field })}</label>
          <input id={`${id}-typed`} value={typed} onChange={(e) => { setTyped(e.target.value); }} />
        </div>
        <Button type="submit" disabled={busy}>
          {t('conflicts.useTyped')}
        </Button>
      </form>
      {pending && (
        <ConfirmPanel title={t('conflicts.confirm', { field, value: pending.label })} busy={busy} onConfirm={() => void send(pending.value)} onCancel={() => { setPending(null); }} />
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </article>
  );
}
