import type { DuplicateCandidate } from '@jigi/contract';
import { useState } from 'react';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { Link } from '../../lib/router';
import { ScrollTable } from '../../components/scroll-table';
import type { ApiResult } from '../../api/http';
import type { ReviewRecord } from '@jigi/contract';
import { resolveDuplicate, type DuplicateDecision } from '../../api/duplicates';
import { getRecord } from '../../api/records';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { apiErrorText } from '../../components/api-error-text';
import { ConfirmPanel } from '../../components/confirm-panel';
import { consolePaths } from '../../components/console-link';
import { useScope, villageName } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { formatValue } from '../record/value-labels';
import { headOfHouseholdName } from '@jigi/domain';

const LETTERS = ['A', 'B', 'C', 'D'];
const FIELDS = [
  'householdCode',
  'head',
  'headPhone',
  'headIdType',
  'headIdNo',
  'village',
  'interviewDate',
  'members',
  'agent',
  'status',
] as const;

/** The candidate records, read in full (the candidate list gives their ids only). */
async function loadRecords(
  ids: readonly string[],
  signal: AbortSignal,
): Promise<ApiResult<ReviewRecord[]>> {
  const results = await Promise.all(ids.map((id) => getRecord(id, signal)));
  const records: ReviewRecord[] = [];
  for (const r of results) {
    if (!r.ok) return r;
    records.push(r.value.record);
  }
  return { ok: true, value: records };
}

/** Candidate households side by side, differences marked; keep both or merge (both histories kept). */
export function DuplicatePair({
  candidate,
  onResolved,
}: {
  candidate: DuplicateCandidate;
  onResolved: (text: string) => void;
}) {
  const { t } = useSupervisorT();
  const remote = useRemote(
    (signal) => loadRecords(candidate.recordIds, signal),
    candidate.recordIds.join(','),
  );
  return (
    <article className="card">
      <h3>
        {t('duplicates.pairTitle', {
          reasons: candidate.reasons
            .map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r }))
            .join(', '),
        })}
      </h3>
      <RemoteView remote={remote} reload={remote.reload}>
        {(records) => <PairBody candidate={candidate} records={records} onResolved={onResolved} />}
      </RemoteView>
    </article>
  );
}

function PairBody({
  candidate,
  records,
  onResolved,
}: {
  candidate: DuplicateCandidate;
  records: readonly ReviewRecord[];
  onResolved: (text: string) => void;
}) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const [pending, setPending] = useState<{ decision: DuplicateDecision; title: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const yesNo = { yes: t('yes'), no: t('no') };
  const cell = (r: ReviewRecord, f: (typeof FIELDS)[number]): string => {
    switch (f) {
      case 'head':
        return headOfHouseholdName(r.data);
      case 'village':
        return villageName(scope, r.villageId);
      case 'members':
        return String(Array.isArray(r.data['members']) ? r.data['members'].length : 0);
      case 'agent':
        return r.createdByName;
      case 'status':
        return t(`status.${r.reviewStatus}`);
      case 'householdCode':
      case 'headPhone':
      case 'headIdType':
      case 'headIdNo':
      case 'interviewDate':
        return formatValue(r.type, f, r.data[f], yesNo);
    }
  };

  async function send(decision: DuplicateDecision) {
    setBusy(true);
    setError(null);
    const result = await resolveDuplicate(candidate, decision);
    setBusy(false);
    if (!result.ok) {
      setError(apiErrorText(result.error, t));
      return;
    }
    setPending(null);
    onResolved(decision.action === 'merge' ? t('duplicates.merged') : t('duplicates.keptBoth'));
  }

  return (
    <>
      <ScrollTable label={t('duplicates.compareLabel')}>
        <table className="sheet sup-table">
          <thead>
            <tr>
              <th scope="col">{t('duplicates.field')}</th>
              {records.map((r, i) => (
                <th key={r.id} scope="col">
                  <Link to={consolePaths.record(r.id)} className="btn btn-small">
                    {t('duplicates.openRecord', { letter: LETTERS[i] ?? String(i + 1) })}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => {
              const values = records.map((r) => cell(r, f));
              const differs = new Set(values).size > 1;
              return (
                <tr key={f} className={differs ? 'sup-row-diff' : undefined}>
                  <th scope="row">{t(`duplicates.fields.${f}`)}</th>
                  {values.map((v, i) => (
                    <td key={records[i]?.id ?? i}>{v}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {pending ? (
        <ConfirmPanel
          title={pending.title}
          busy={busy}
          onConfirm={() => void send(pending.decision)}
          onCancel={() => {
            setPending(null);
          }}
        />
      ) : (
        <div className="row">
          <Button
            onClick={() => {
              setPending({ decision: { action: 'keep_both' }, title: t('duplicates.confirmKeep') });
            }}
          >
            {t('duplicates.keepBoth')}
          </Button>
          {records.map((r, i) => {
            const letter = LETTERS[i] ?? String(i + 1);
            return (
              <Button
                key={r.id}
                variant="primary"
                onClick={() => {
                  setPending({
                    decision: { action: 'merge', keepRecordId: r.id },
                    title: t('duplicates.confirmMerge', { letter }),
                  });
                }}
              >
                {t('duplicates.mergeInto', { letter })}
              </Button>
            );
          })}
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </>
  );
}
