import type { ImportSummary } from '@jigi/sync';
import { useId, useState, type SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { formatDateTimeFr } from '../../lib/format';
import { useUser } from '../../session/session';
import type { ApiError } from '../../api/http';
import { alreadyImported, importExportFile } from '../../api/imports';
import { apiErrorText } from '../../components/api-error-text';
import { useSupervisorT } from '../../lib/i18n';

// The order a reader expects: what went in, then what waits or was refused.
const OUTCOMES = ['applied', 'merged', 'duplicate', 'conflict_queued', 'rejected'] as const;

/** The file's own problems (unreadable, another server's tablet, an older file missing) in French. */
function importErrorText(error: ApiError, t: TFunction): string {
  if (error.kind !== 'http') return apiErrorText(error, t);
  if (error.code === 'import_outside_zones') return t('imports.errors.outsideZones');
  if (error.status === 403) return t('imports.errors.forbidden');
  if (error.code === 'mutation_gap') return t('imports.errors.gap');
  if (
    error.code.startsWith('import_') ||
    error.code === 'body_too_large' ||
    error.code === 'unsupported_media_type'
  )
    return t('imports.errors.file', { message: error.message });
  return apiErrorText(error, t);
}

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useSupervisorT();
  const nothingNew = alreadyImported(summary);
  const counted = OUTCOMES.filter((o) => (summary.outcomes[o] ?? 0) > 0);
  return (
    <section aria-label={t('imports.summaryTitle')} data-testid="import-summary">
      <h2>{t('imports.summaryTitle')}</h2>
      {nothingNew ? (
        <Notice tone="info">
          <span data-testid="import-already">
            {t('imports.already', { count: summary.mutations })}
          </span>
        </Notice>
      ) : (
        <Notice tone={(summary.outcomes['rejected'] ?? 0) > 0 ? 'warning' : 'success'}>
          {t('imports.done', { count: summary.mutations })}
        </Notice>
      )}
      <p>
        {t('imports.file', {
          device: summary.deviceId,
          user: summary.userId,
          date: formatDateTimeFr(summary.exportedAt),
          pushes: summary.pushes,
        })}
      </p>
      <ul className="list" aria-label={t('imports.outcomesTitle')}>
        {counted.map((o) => (
          <li key={o} data-testid={`import-outcome-${o}`}>
            <span className="grow">
              {t(`imports.outcomes.${o}`, { count: summary.outcomes[o] ?? 0 })}
            </span>
          </li>
        ))}
        {Object.entries(summary.rejections).map(([code, count]) => (
          <li key={code} data-testid={`import-rejection-${code}`}>
            <span className="grow">
              {t(`imports.rejections.${code}`, {
                count,
                defaultValue: t('imports.rejections.other', { count, code }),
              })}
            </span>
          </li>
        ))}
      </ul>
      <p data-testid="import-batches">
        {summary.batches.length > 0
          ? t('imports.batches', {
              count: summary.batches.length,
              numbers: summary.batches.join(', '),
            })
          : t('imports.noBatch')}
      </p>
    </section>
  );
}

/**
 * The import of a tablet's export file (the tablet that could not sync hands over a `.json.gz`), by
 * an admin or by the supervisor of the tablet user's zones. The server applies it through the ordinary push path, so importing it twice, or
 * importing it and letting the tablet sync later, changes nothing the second time; the summary says so.
 */
export function ImportScreen() {
  const { t } = useSupervisorT();
  const user = useUser();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    { ok: true; summary: ImportSummary } | { ok: false; text: string } | null
  >(null);

  async function upload(e: SyntheticEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    const res = await importExportFile(file);
    setBusy(false);
    setResult(
      res.ok
        ? { ok: true, summary: res.value }
        : { ok: false, text: importErrorText(res.error, t) },
    );
  }

  return (
    <>
      <p>{t('imports.intro')}</p>
      {user.role !== 'admin' && <p>{t('imports.supervisorScope')}</p>}
      <form className="stack" onSubmit={(e) => void upload(e)}>
        {/* The browser's own file button speaks the browser's language: the label is the button. */}
        <div className="field">
          <input
            id={`${id}-file`}
            className="sup-file-input"
            type="file"
            accept=".gz,application/gzip,application/octet-stream"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
          <label htmlFor={`${id}-file`} className="btn sup-file">
            {t('imports.fileLabel')}
          </label>
          <p data-testid="import-file-name">
            {file ? t('imports.chosen', { name: file.name }) : t('imports.noFile')}
          </p>
        </div>
        <Button type="submit" variant="primary" disabled={file === null || busy}>
          {busy ? t('imports.sending') : t('imports.send')}
        </Button>
      </form>
      {result && !result.ok && <Notice tone="error">{result.text}</Notice>}
      {result?.ok && <Summary summary={result.summary} />}
    </>
  );
}
