import type { VillageRankingResponse } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../components/api-error-text';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import {
  computeScores,
  enrol,
  getRanking,
  getRegister,
  printableListUrl,
  publishAssembly,
} from './targeting-api';

type Message = { tone: 'success' | 'error'; text: string };

/** Scores are shown with two decimals: enough to see an order, not a formula's precision. */
const scoreText = (score: number) => score.toFixed(2).replace('.', ',');

function RankingTable({ ranking }: { ranking: VillageRankingResponse }) {
  const { t } = useTranslation('targeting');
  return (
    <>
      <p className="lead">
        {t('formula', { label: ranking.formula.label, version: ranking.formula.version })}
        {ranking.formula.demo ? ` — ${t('demo')}` : ''}
      </p>
      <p>{t('quota', { quota: ranking.quota, count: ranking.ranked.length })}</p>
      <table className="data-table">
        <caption>{t('rankedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.rank')}</th>
            <th scope="col">{t('col.code')}</th>
            <th scope="col">{t('col.head')}</th>
            <th scope="col">{t('col.size')}</th>
            <th scope="col">{t('col.score')}</th>
            <th scope="col">{t('col.place')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.ranked.map((r) => (
            <tr key={r.recordId}>
              <td>{r.rank}</td>
              <td>{r.householdCode}</td>
              <th scope="row">
                <Link to={`/households/${encodeURIComponent(r.recordId)}`}>{r.headName}</Link>
              </th>
              <td>{r.householdSize}</td>
              <td>{scoreText(r.score)}</td>
              <td>
                {r.selected ? t('selected') : t('waiting')}
                {r.tiedAtCut ? ` · ${t('tiedAtCut')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">{ranking.tieRule}</p>
      {ranking.excluded.length > 0 && (
        <>
          <h3>{t('excludedTitle', { count: ranking.excluded.length })}</h3>
          <ul>
            {ranking.excluded.map((e) => (
              <li key={e.recordId}>
                {e.headName || e.householdCode} ({e.householdCode}) — {e.reasonLabel}
                {e.missing && e.missing.length > 0 ? ` : ${e.missing.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * One village's targeting: its ranked list under the formula in force (scores shown to supervisors
 * and administrators only — the server answers no one else), publishing the list for the assembly,
 * its printable version, enrolment once the assembly is approved, and the register.
 */
export function VillageTargeting({ villageId }: { villageId: string }) {
  const { t } = useTranslation('targeting');
  const sup = useSupervisorT().t;
  const ranking = useRemote((signal) => getRanking(villageId, signal), `ranking:${villageId}`);
  const register = useRemote((signal) => getRegister(villageId, signal), `register:${villageId}`);
  const [assignee, setAssignee] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (
    action: () => Promise<
      { ok: true; value: unknown } | { ok: false; error: Parameters<typeof apiErrorText>[0] }
    >,
    done: (value: never) => string,
  ) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) setMessage({ tone: 'success', text: done(result.value as never) });
    else setMessage({ tone: 'error', text: apiErrorText(result.error, sup) });
    ranking.reload();
    register.reload();
  };

  const approved =
    register.status === 'ready'
      ? register.value.assemblies.find((a) => a.reviewStatus === 'approved' && a.held)
      : undefined;
  const assignees = register.status === 'ready' ? register.value.assignees : [];

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="actions">
        <Button
          disabled={busy}
          onClick={() =>
            void run(
              () => computeScores(villageId),
              (v: { computed: number }) => t('computed', { count: v.computed }),
            )
          }
        >
          {t('compute')}
        </Button>
        <a className="btn btn-secondary" href={printableListUrl(villageId)} download>
          {t('print')}
        </a>
      </div>
      <RemoteView remote={ranking} reload={ranking.reload}>
        {(value) => <RankingTable ranking={value} />}
      </RemoteView>
      <h3>{t('publishTitle')}</h3>
      <div className="field">
        <label htmlFor="assembly-assignee">{t('assignee')}</label>
        <select
          id="assembly-assignee"
          value={assignee}
          onChange={(e) => {
            setAssignee(e.target.value);
          }}
        >
          <option value="">{t('chooseAssignee')}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <Button
          variant="primary"
          disabled={busy || assignee === ''}
          onClick={() =>
            void run(
              () => publishAssembly(villageId, assignee),
              (v: { households: number }) => t('published', { count: v.households }),
            )
          }
        >
          {t('publish')}
        </Button>
        <Button
          disabled={busy || approved === undefined}
          onClick={() => {
            if (approved)
              void run(
                () => enrol(villageId, approved.recordId),
                (v: { enrolled: string[]; awaitingSurvey: unknown[] }) =>
                  t('enrolled', { count: v.enrolled.length, waiting: v.awaitingSurvey.length }),
              );
          }}
        >
          {t('enrol')}
        </Button>
      </div>
      <h3>{t('registerTitle')}</h3>
      <RemoteView
        remote={register}
        reload={register.reload}
        isEmpty={(v) => v.households.length === 0}
        empty={t('registerEmpty')}
      >
        {(value) => (
          <table className="data-table">
            <caption>{t('registerCaption', { count: value.households.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.code')}</th>
                <th scope="col">{t('col.head')}</th>
                <th scope="col">{t('col.titulaire')}</th>
                <th scope="col">{t('col.state')}</th>
                <th scope="col">{t('col.enrolledOn')}</th>
                <th scope="col">{t('col.plannedEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {value.households.map((h) => {
                const titulaire = h['titulaire'] as { name?: string } | undefined;
                const text = (k: string) => (typeof h[k] === 'string' ? h[k] : '');
                return (
                  <tr key={text('id')}>
                    <td>{text('householdCode')}</td>
                    <th scope="row">{text('headName')}</th>
                    <td>{titulaire?.name ?? ''}</td>
                    <td>{t(`state.${text('state')}`)}</td>
                    <td>{text('enrolledOn').split('-').reverse().join('/')}</td>
                    <td>{text('plannedEnd').split('-').reverse().join('/')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </RemoteView>
    </div>
  );
}
