import { ScrollTable } from '../../components/scroll-table';
import type { RecordVersion } from '@jigi/contract';
import type { Json } from '@jigi/sync';
import { useId, useMemo, useState } from 'react';
import { formatDateTimeFr } from '../../lib/format';
import { useSupervisorT } from '../../lib/i18n';
import { pathLabel } from './field-label';
import { formatValue } from './value-labels';
import { diffSnapshots, snapshotsOf } from './version-history';

function opKey(v: RecordVersion): string {
  if (v.actor.startsWith('user:')) return 'resolution';
  return ['create', 'patch', 'delete'].includes(v.op) ? v.op : 'other';
}

/** Every version (who, from which tablet, when) and the difference between any two of them. */
export function VersionHistoryView({
  type,
  versions,
}: {
  type: string;
  versions: readonly RecordVersion[];
}) {
  const { t } = useSupervisorT();
  const id = useId();
  const sorted = useMemo(() => [...versions].sort((a, b) => a.version - b.version), [versions]);
  const snapshots = useMemo(() => snapshotsOf(sorted), [sorted]);
  const last = sorted.at(-1)?.version ?? 0;
  const [to, setTo] = useState(last);
  const [from, setFrom] = useState(sorted.at(-2)?.version ?? 0);
  const yesNo = { yes: t('yes'), no: t('no') };
  if (sorted.length === 0) return <p>{t('history.none')}</p>;
  const after = snapshots.get(to) ?? {};
  const rows = diffSnapshots(snapshots.get(from) ?? {}, after);
  const show = (path: string, v: Json | undefined) =>
    v === undefined ? t('history.absent') : formatValue(type, path, v, yesNo);
  return (
    <>
      <ScrollTable label={t('history.caption')}>
        <table className="sheet sup-table">
          <caption>{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('history.op')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.device')}</th>
              <th scope="col">{t('history.serverTime')}</th>
              <th scope="col">{t('history.clientTime')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{t(`history.ops.${opKey(v)}`)}</td>
                <td>{v.userId === null ? '—' : (v.userName ?? v.userId)}</td>
                <td>{v.deviceLabel ?? '—'}</td>
                <td className="nowrap">{formatDateTimeFr(v.serverTime)}</td>
                <td className="nowrap">{v.clientTime ? formatDateTimeFr(v.clientTime) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h3>{t('history.diffTitle')}</h3>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('history.from')}</label>
          <select
            id={`${id}-from`}
            value={from}
            onChange={(e) => {
              setFrom(Number(e.target.value));
            }}
          >
            <option value={0}>{t('history.nothing')}</option>
            {sorted.map((v) => (
              <option key={v.version} value={v.version}>
                {t('record.versionShort', { version: v.version })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('history.to')}</label>
          <select
            id={`${id}-to`}
            value={to}
            onChange={(e) => {
              setTo(Number(e.target.value));
            }}
          >
            {sorted.map((v) => (
              <option key={v.version} value={v.version}>
                {t('record.versionShort', { version: v.version })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <p>{t('history.noDiff')}</p>
      ) : (
        <ScrollTable label={t('history.diffCaption', { from, to })}>
          <table className="sheet sup-table sup-diff">
            <caption>{t('history.diffCaption', { from, to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.field')}</th>
                <th scope="col">{t('history.before')}</th>
                <th scope="col">{t('history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.path}>
                  <th scope="row">{pathLabel(r.path, after)}</th>
                  <td className="sup-before">{show(r.path, r.before)}</td>
                  <td className="sup-after">{show(r.path, r.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
