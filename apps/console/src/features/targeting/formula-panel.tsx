import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../components/api-error-text';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { adoptFormula, listFormulas, uploadFormula } from './targeting-api';

type Message = { tone: 'success' | 'error'; text: string };

/** A chosen file's text (FileReader: every browser the console supports has it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('read failed'));
    };
    reader.readAsText(file);
  });
}

/**
 * The PMT formula versions (administrators only): upload a version's JSON file, adopt one — it
 * becomes the formula in force and scores every approved household. Coefficients never show here:
 * they stay in the file and on the server.
 */
export function FormulaPanel() {
  const { t } = useTranslation('targeting');
  const sup = useSupervisorT().t;
  const fileId = useId();
  const formulas = useRemote((signal) => listFormulas(signal), 'formulas');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readText(file));
    } catch {
      setMessage({ tone: 'error', text: t('formulaNotJson', { name: file.name }) });
      return;
    }
    setBusy(true);
    const result = await uploadFormula(parsed);
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: 'success', text: t('formulaUploaded', { version: result.value.summary.version }) }
        : { tone: 'error', text: apiErrorText(result.error, sup) },
    );
    formulas.reload();
  };

  const adopt = async (version: string) => {
    setBusy(true);
    const result = await adoptFormula(version);
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: 'success', text: t('formulaAdopted', { version, count: result.value.computed }) }
        : { tone: 'error', text: apiErrorText(result.error, sup) },
    );
    formulas.reload();
  };

  return (
    <section className="stack" aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`}>{t('formulasTitle')}</h2>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="field">
        <label htmlFor={fileId}>{t('formulaFile')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      </div>
      <RemoteView
        remote={formulas}
        reload={formulas.reload}
        isEmpty={(v) => v.formulas.length === 0}
        empty={t('formulasEmpty')}
      >
        {(value) => (
          <ul>
            {value.formulas.map((f) => (
              <li key={f.version}>
                {t('formulaLine', { label: f.label, version: f.version, count: f.indicatorCount })}
                {f.demo ? ` — ${t('demo')}` : ''}
                {f.inForce ? (
                  <strong> · {t('inForce')}</strong>
                ) : (
                  <Button disabled={busy} onClick={() => void adopt(f.version)}>
                    {t('adopt', { version: f.version })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </RemoteView>
    </section>
  );
}
