import { householdFileSchema, type HouseholdFile as File } from '@jigi/contract';
import { useTranslation } from 'react-i18next';
import { apiGet, seg } from '../../api/client';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';

const dateFr = (iso: string) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

function getHouseholdFile(recordId: string, signal?: AbortSignal) {
  return apiGet(
    `/api/targeting/records/${seg(recordId)}/household`,
    {},
    householdFileSchema,
    signal,
  );
}

function Sections({ file }: { file: File }) {
  const { t } = useTranslation('household');
  const enrolment = file.enrolment as {
    state?: string;
    titulaire?: { name?: string };
    enrolledOn?: string;
    plannedEnd?: string;
  } | null;
  return (
    <div className="stack">
      <section>
        <h2>{t('survey')}</h2>
        <p>
          {t('surveyLine', {
            code: file.survey.householdCode,
            date: dateFr(file.survey.interviewDate),
            status: t(`review.${file.survey.reviewStatus}`),
          })}
        </p>
      </section>
      <section>
        <h2>{t('scores')}</h2>
        {file.scores.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul>
            {file.scores.map((s) => (
              <li key={`${s.formulaVersion}-${String(s.recordVersion)}`}>
                {t('scoreLine', {
                  version: s.formulaVersion,
                  score:
                    s.score === null
                      ? t(`outcome.${s.outcome}`)
                      : s.score.toFixed(2).replace('.', ','),
                })}
                {s.inForce ? ` · ${t('inForce')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('assemblies')}</h2>
        {file.assemblies.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul>
            {file.assemblies.map((a) => (
              <li key={a.recordId}>
                {t('assemblyLine', {
                  date: dateFr(a.date),
                  decision: a.decision ? t(`decision.${a.decision}`) : t('undecided'),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('enrolment')}</h2>
        {enrolment === null ? (
          <p>{t('notEnrolled')}</p>
        ) : (
          <p>
            {t('enrolmentLine', {
              state: t(`state.${enrolment.state ?? 'enrolled'}`),
              titulaire: enrolment.titulaire?.name ?? '—',
              from: dateFr(enrolment.enrolledOn ?? ''),
              to: dateFr(enrolment.plannedEnd ?? ''),
            })}
          </p>
        )}
      </section>
      <section>
        <h2>{t('ma')}</h2>
        <p>
          {t('maLine', {
            count: file.ma.length,
            present: file.ma.filter((m) => m.status === 'present').length,
          })}
        </p>
      </section>
      <section>
        <h2>{t('himo')}</h2>
        <p>{t('himoLine', { count: file.himo.length })}</p>
      </section>
      <section>
        <h2>{t('pnp')}</h2>
        <p>{t('pnpLine', { count: file.pnp.length })}</p>
      </section>
    </div>
  );
}

/** One household on one page: survey, scores, assemblies, enrolment, MA, HIMO and PNP. */
export function HouseholdFileView({ recordId }: { recordId: string }) {
  const remote = useRemote((signal) => getHouseholdFile(recordId, signal), `household:${recordId}`);
  return (
    <RemoteView remote={remote} reload={remote.reload}>
      {(file) => <Sections file={file} />}
    </RemoteView>
  );
}
