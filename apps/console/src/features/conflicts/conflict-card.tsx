import type {
  Conflict,
  ConflictDetailResponse as ConflictDetail,
  Resolution,
} from '@jigi/contract';
import type { Json } from '@jigi/sync';
import { useId, useState } from 'react';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { formatDateTimeFr } from '../../lib/format';
import { Link } from '../../lib/router';
import { resolveConflict } from '../../api/conflicts';
import { apiErrorText } from '../../components/api-error-text';
import { ConfirmPanel } from '../../components/confirm-panel';
import { consolePaths } from '../../components/console-link';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useScope, villageName } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { labelOf, pathLabel } from '../record/field-label';
import { formatValue, leafName } from '../record/value-labels';
import { loadConflict } from './load-conflict';
import { parseTypedValue } from './typed-value';

/** One queued conflict; its detail (who, when, base value) is read from the server. */
export function ConflictCard({
  conflict,
  onResolved,
}: {
  conflict: Conflict;
  onResolved: () => void;
}) {
  const { t } = useSupervisorT();
  const id = useId();
  const remote = useRemote(
    (signal) => loadConflict(conflict.id, conflict.recordId, signal),
    conflict.id,
  );
  const field = labelOf(leafName(conflict.path));
  const where =
    remote.status === 'ready' && remote.value.data
      ? pathLabel(conflict.path, remote.value.data)
      : null;
  return (
    <article className="card sup-conflict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('conflicts.cardTitle', { field })}</h3>
      {where !== null && <p className="small">{where}</p>}
      <RemoteView remote={remote} reload={remote.reload}>
        {(view) => <ConflictSides detail={view.detail} field={field} onResolved={onResolved} />}
      </RemoteView>
    </article>
  );
}

type Side = {
  key: 'server' | 'incoming';
  side: ConflictDetail['server'] | ConflictDetail['incoming'];
};

/** Base, server and incoming values side by side; choose one or type another, then confirm. */
function ConflictSides({
  detail,
  field,
  onResolved,
}: {
  detail: ConflictDetail;
  field: string;
  onResolved: () => void;
}) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const id = useId();
  const [pending, setPending] = useState<{ resolution: Resolution; label: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { conflict, record } = detail;
  const yesNo = { yes: t('yes'), no: t('no') };
  const show = (v: Json | undefined) =>
    v === undefined
      ? t('conflicts.unknownBase')
      : v === null
        ? t('conflicts.removed')
        : formatValue(record.type, leafName(conflict.path), v, yesNo);
  const sides: Side[] = [
    { key: 'server', side: detail.server },
    { key: 'incoming', side: detail.incoming },
  ];

  async function send(resolution: Resolution) {
    setBusy(true);
    setError(null);
    const result = await resolveConflict(conflict.id, resolution);
    setBusy(false);
    if (!result.ok) {
      setError(apiErrorText(result.error, t));
      return;
    }
    setPending(null);
    onResolved();
  }

  return (
    <>
      <p className="small">
        {t(`recordTypes.${record.type}`, { defaultValue: record.type })} ·{' '}
        {villageName(scope, record.villageId)} ·{' '}
        <Link to={consolePaths.record(record.id)}>{t('conflicts.openRecord')}</Link>
      </p>
      <div className="sup-sides">
        <section className="sup-side sup-side-base" aria-label={t('conflicts.sides.base')}>
          <h4>{t('conflicts.sides.base')}</h4>
          <p className="sup-value">{show(detail.base.value)}</p>
          <p className="small">{t('conflicts.baseVersion', { version: detail.base.version })}</p>
        </section>
        {sides.map(({ key, side }) => (
          <section key={key} className="sup-side" aria-label={t(`conflicts.sides.${key}`)}>
            <h4>{t(`conflicts.sides.${key}`)}</h4>
            <p className="sup-value">{show(side.value)}</p>
            <dl className="summary small">
              <dt>{t('conflicts.agent')}</dt>
              <dd>{side.userName ?? '—'}</dd>
              <dt>{t('conflicts.device')}</dt>
              <dd>{side.deviceLabel ?? '—'}</dd>
              <dt>{t('conflicts.time')}</dt>
              <dd>{side.at ? formatDateTimeFr(side.at) : '—'}</dd>
            </dl>
            <Button
              variant="primary"
              disabled={busy}
              onClick={() => {
                setPending({ resolution: { choice: key }, label: show(side.value) });
              }}
            >
              {t(`conflicts.choose.${key}`)}
            </Button>
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
          setError(null);
          setPending({ resolution: { choice: 'value', value }, label: show(value) });
        }}
      >
        <div className="field grow">
          <label htmlFor={`${id}-typed`}>{t('conflicts.typedLabel', { field })}</label>
          <input
            id={`${id}-typed`}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
            }}
          />
        </div>
        <Button type="submit" disabled={busy}>
          {t('conflicts.useTyped')}
        </Button>
      </form>
      {pending && (
        <ConfirmPanel
          title={t('conflicts.confirm', { field, value: pending.label })}
          busy={busy}
          onConfirm={() => void send(pending.resolution)}
          onCancel={() => {
            setPending(null);
          }}
        />
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </>
  );
}
