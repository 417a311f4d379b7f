import { ScrollTable } from '../../components/scroll-table';
import type { ImportPreview, ImportResult, ReferenceImportKind } from '@jigi/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { confirmImport, previewImport } from './admin-api';

// A village or household file in two steps: the preview (every line checked, the errors by line and
// column in French, nothing imported), then « Importer » — offered only when no line is wrong, and
// refused by the server if the file is not the one previewed.

export function ImportPanel({
  kind,
  onImported,
}: {
  kind: ReferenceImportKind;
  onImported: () => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = (e: { kind: string; message: string }) => {
    setError(e.kind === 'http' ? e.message : t('errorGeneric'));
  };
  const check = async (picked: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setPreview(null);
    const answer = await previewImport(kind, picked);
    setBusy(false);
    if (answer.ok) setPreview(answer.value);
    else failed(answer.error);
  };
  const run = async () => {
    if (file === null || preview === null) return;
    setBusy(true);
    const answer = await confirmImport(kind, file, preview.token);
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      setPreview(null);
      onImported();
    } else failed(answer.error);
  };
  return (
    <section className="stack" aria-label={t(`import.${kind}.title`)}>
      <h2>{t(`import.${kind}.title`)}</h2>
      <p>{t(`import.${kind}.help`)}</p>
      <div className="field">
        <label htmlFor={id}>{t('import.pick')}</label>
        <input
          id={id}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const picked = e.target.files?.[0] ?? null;
            setFile(picked);
            if (picked !== null) void check(picked);
            // The same file corrected and saved again must be read again when picked again.
            e.target.value = '';
          }}
        />
      </div>
      {busy && <Notice tone="info">{t('import.reading')}</Notice>}
      {error !== null && <Notice tone="error">{error}</Notice>}
      {result !== null && (
        <Notice tone="success">
          {t('import.done', {
            count: result.imported,
            creates: result.creates,
            updates: result.updates,
          })}
        </Notice>
      )}
      {preview !== null && (
        <PreviewView
          preview={preview}
          busy={busy}
          onConfirm={() => {
            void run();
          }}
        />
      )}
    </section>
  );
}

function PreviewView({
  preview,
  busy,
  onConfirm,
}: {
  preview: ImportPreview;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('admin');
  const bad = preview.errors.length > 0;
  return (
    <div className="stack" data-testid="import-preview">
      {bad ? (
        <Notice tone="error">
          {t('import.hasErrors', {
            count: preview.errors.length + preview.moreErrors,
            lines: preview.lines,
          })}
        </Notice>
      ) : (
        <Notice tone="info">
          {t('import.ready', {
            lines: preview.lines,
            creates: preview.creates,
            updates: preview.updates,
          })}
        </Notice>
      )}
      {bad && (
        <ScrollTable label={t('import.errorsTitle')}>
          <table className="sheet sup-table" aria-label={t('import.errorsTitle')}>
            <caption>{t('import.errorsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i} data-testid="import-error">
                  <td>{t('import.lineN', { line: e.line })}</td>
                  <td>{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {preview.sample.length > 0 && (
        <ScrollTable label={t('import.sampleTitle')}>
          <table className="sheet sup-table" aria-label={t('import.sampleTitle')}>
            <caption>{t('import.sampleTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                {preview.columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`import.columns.${c}`, { defaultValue: c })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  {preview.columns.map((c) => (
                    <td key={c}>{row.values[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {bad ? (
        <p>{t('import.fixAndRetry')}</p>
      ) : (
        <div>
          <Button variant="primary" disabled={busy} onClick={onConfirm}>
            {t('import.confirm', { count: preview.lines })}
          </Button>
        </div>
      )}
    </div>
  );
}
