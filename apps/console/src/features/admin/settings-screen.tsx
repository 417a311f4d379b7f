import { ScrollTable } from '../../components/scroll-table';
import { formatFcfa, type ProgramSettings } from '@jigi/domain';
import type { SettingsResponse } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { formatDateTimeFr } from '../../lib/format';
import { getSettings, saveSettings } from './admin-api';
import { settingsProblems, type SettingsDraft } from './settings-rules';

/** The programme's settings, checked before they are sent, with who changed what and when. */
export function SettingsScreen() {
  const remote = useRemote((signal) => getSettings(signal), 'settings');
  return (
    <RemoteView remote={remote} reload={remote.reload}>
      {(value) => <SettingsEditor key={value.version} current={value} onSaved={remote.reload} />}
    </RemoteView>
  );
}

const draftOf = (s: ProgramSettings): SettingsDraft => ({
  childRedBelowMm: String(s.muac.childRedBelowMm),
  childYellowBelowMm: String(s.muac.childYellowBelowMm),
  womanBelowMm: String(s.muac.womanBelowMm),
  transferAmountFcfa: String(s.transferAmountFcfa),
  himoDefaultDailyWageFcfa: String(s.himoDefaultDailyWageFcfa),
  campaignStart: s.campaign?.start ?? '',
  campaignEnd: s.campaign?.end ?? '',
});

function SettingsEditor({ current, onSaved }: { current: SettingsResponse; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [draft, setDraft] = useState(draftOf(current.settings));
  const [themes, setThemes] = useState(current.settings.maThemes);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const problems = settingsProblems(draft);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (problems.length > 0) return;
    const n = (k: keyof SettingsDraft) => Number(draft[k]);
    const result = await saveSettings({
      maThemes: themes,
      muac: {
        childRedBelowMm: n('childRedBelowMm'),
        childYellowBelowMm: n('childYellowBelowMm'),
        womanBelowMm: n('womanBelowMm'),
      },
      transferAmountFcfa: n('transferAmountFcfa'),
      himoDefaultDailyWageFcfa: n('himoDefaultDailyWageFcfa'),
      ...(draft.campaignStart && draft.campaignEnd
        ? { campaign: { start: draft.campaignStart, end: draft.campaignEnd } }
        : {}),
    });
    if (result.ok) {
      setMessage({ tone: 'success', text: t('settings.saved') });
      onSaved();
    } else
      setMessage({
        tone: 'error',
        text: result.error.kind === 'http' ? result.error.message : t('errorGeneric'),
      });
  };
  const field = (k: keyof SettingsDraft, type = 'number') => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{t(`settings.fields.${k}`)}</label>
      <input
        id={`${id}-${k}`}
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={draft[k]}
        aria-invalid={problems.some((p) => p.field === k)}
        onChange={(e) => {
          setDraft((d) => ({ ...d, [k]: e.target.value }));
        }}
      />
    </div>
  );
  return (
    <div className="stack">
      <p>
        {current.updatedAt === null
          ? t('settings.defaults')
          : t('settings.version', {
              version: current.version,
              date: formatDateTimeFr(current.updatedAt),
            })}
      </p>
      <form
        className="stack"
        aria-label={t('settings.formTitle')}
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <fieldset className="field">
          <legend>{t('settings.muac')}</legend>
          {field('childRedBelowMm')}
          {field('childYellowBelowMm')}
          {field('womanBelowMm')}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.money')}</legend>
          {field('transferAmountFcfa')}
          {field('himoDefaultDailyWageFcfa')}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.campaign')}</legend>
          {field('campaignStart', 'date')}
          {field('campaignEnd', 'date')}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.themes')}</legend>
          {themes.map((theme, i) => (
            <label key={theme.code} className="row">
              <input
                type="checkbox"
                checked={theme.active}
                onChange={(e) => {
                  setThemes((all) =>
                    all.map((x, j) => (j === i ? { ...x, active: e.target.checked } : x)),
                  );
                }}
              />
              {theme.label}
            </label>
          ))}
        </fieldset>
        {problems.map((p) => (
          <Notice key={p.field + p.rule} tone="error">
            {t(`settings.rules.${p.rule}`, { ...p.values, label: t(`settings.fields.${p.field}`) })}
          </Notice>
        ))}
        {message !== null && <Notice tone={message.tone}>{message.text}</Notice>}
        <div>
          <Button type="submit" variant="primary" disabled={problems.length > 0}>
            {t('save')}
          </Button>
        </div>
      </form>
      <History current={current} />
    </div>
  );
}

const shown = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function History({ current }: { current: SettingsResponse }) {
  const { t } = useTranslation('admin');
  if (current.history.length === 0) return <p>{t('settings.noHistory')}</p>;
  return (
    <ScrollTable label={t('settings.history')}>
      <table className="sheet sup-table" aria-label={t('settings.history')}>
        <caption>{t('settings.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.when')}</th>
            <th scope="col">{t('settings.who')}</th>
            <th scope="col">{t('settings.what')}</th>
          </tr>
        </thead>
        <tbody>
          {current.history.map((h, i) => (
            <tr key={i} data-testid="settings-history">
              <td>{formatDateTimeFr(h.at)}</td>
              <td>{h.userName}</td>
              <td>
                <ul>
                  {h.changes.map((c) => (
                    <li key={c.path}>
                      {t('settings.change', {
                        field: t(`settings.paths.${c.path}`, { defaultValue: c.path }),
                        before:
                          c.path.endsWith('Fcfa') && typeof c.before === 'number'
                            ? formatFcfa(c.before)
                            : shown(c.before),
                        after:
                          c.path.endsWith('Fcfa') && typeof c.after === 'number'
                            ? formatFcfa(c.after)
                            : shown(c.after),
                      })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
