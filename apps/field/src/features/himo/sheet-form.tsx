import {
  attendanceDayValue,
  formatFcfa,
  himoAmount,
  himoSheetPay,
  himoAttendanceStatus,
  type HimoMicroproject,
  type HimoWorker,
} from '@jigi/domain';
import { memo, useEffect } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Flash } from '../../components/flash';
import { ChoiceField } from '../../components/form/choice-field';
import { DateField } from '../../components/form/date-field';
import { IssueSummary } from '../../components/form/issue-summary';
import {
  RecordFormScreen,
  type RecordFormSpec,
  type SectionProps,
} from '../../components/form/record-form-screen';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { textOf } from '../../lib/clean-record';
import { toOptions } from '../../lib/options';
import { useProgramSettings } from '../../lib/program-settings';
import type { RecordRow } from '../../storage/types';
import { frNumber } from './himo-pay';
import { useProjectData, type ProjectData } from './himo-records';

function SheetSection({ data: { project, roll } }: SectionProps<ProjectData>) {
  const { t } = useTranslation('himo');
  const settings = useProgramSettings();
  const wage = project?.dailyWageFcfa ?? settings.himoDefaultDailyWageFcfa;
  return (
    <>
      {project && (
        <p className="lead">
          {project.name} — {t('wage', { amount: formatFcfa(wage) })}
        </p>
      )}
      <Flash />
      <DateField name="date" label={t('sheets.date')} />
      <SheetLines workers={roll} wage={wage} />
      <IssueSummary />
    </>
  );
}

function SheetLines({ workers, wage }: { workers: readonly HimoWorker[]; wage: number }) {
  const { t } = useTranslation('himo');
  const { control, getValues, setValue } = useFormContext();
  const { fields, append } = useFieldArray({ control, name: 'lines', keyName: '_key' });
  const byId = new Map(workers.map((w) => [w.id, w]));

  // Workers added to the roll after the sheet was opened get their line.
  useEffect(() => {
    const have = new Set(((getValues('lines') ?? []) as { id: string }[]).map((l) => l.id));
    for (const w of workers)
      if (w.active && !have.has(w.id)) append({ id: w.id }, { shouldFocus: false });
  }, [workers, getValues, append]);

  const markAll = (status: string) => {
    fields.forEach((_, i) => {
      setValue(`lines.${i}.status`, status, { shouldDirty: true });
    });
  };
  if (workers.length === 0) return <Notice tone="warning">{t('sheet.noWorkers')}</Notice>;
  return (
    <>
      <div className="row">
        <Button
          onClick={() => {
            markAll('present');
          }}
        >
          {t('sheet.allPresent')}
        </Button>
        <Button
          onClick={() => {
            markAll('absent');
          }}
        >
          {t('sheet.allAbsent')}
        </Button>
        <Button
          onClick={() => {
            markAll('half_day');
          }}
        >
          {t('sheet.allHalf')}
        </Button>
      </div>
      <SheetTotals wage={wage} />
      {fields.map((f, index) => (
        <SheetLine
          key={f._key}
          index={index}
          worker={byId.get((f as unknown as { id: string }).id)}
          wage={wage}
        />
      ))}
    </>
  );
}

const SheetLine = memo(function SheetLine({
  index,
  worker,
  wage,
}: {
  index: number;
  worker: HimoWorker | undefined;
  wage: number;
}) {
  const { t } = useTranslation('himo');
  const status = useWatch({ name: `lines.${index}.status` }) as string | undefined;
  const name = worker?.name ?? '?';
  const days = attendanceDayValue(status);
  return (
    <div className="attendance-line">
      <p className="lead">
        {name} <span className="small">{worker?.householdCode}</span>
        <span className="nowrap">
          {' '}
          —{' '}
          {t('sheet.dayAmount', {
            days: frNumber(days),
            amount: formatFcfa(himoAmount(days, wage)),
          })}
        </span>
      </p>
      <ChoiceField
        name={`lines.${index}.status`}
        label={t('sheet.status', { name })}
        options={toOptions(himoAttendanceStatus.labels, t, 'himoAttendanceStatus')}
      />
    </div>
  );
});

function SheetTotals({ wage }: { wage: number }) {
  const { t } = useTranslation('himo');
  const lines = (useWatch({ name: 'lines' }) ?? []) as { id: string; status?: string }[];
  // The day's part of the pay table: the same `himoPay` as the project's page and the server.
  const pay = himoSheetPay(lines, wage);
  const count = (s: string) => lines.filter((l) => l.status === s).length;
  return (
    <div className="counts" role="status">
      <span className="pill">
        {t('sheet.counts', {
          present: count('present'),
          half: count('half_day'),
          absent: count('absent'),
          unmarked: lines.filter((l) => !l.status).length,
        })}
      </span>
      <span className="pill pill-ok" data-testid="sheet-total">
        {t('sheet.totals', { days: frNumber(pay.days), amount: formatFcfa(pay.amountFcfa) })}
      </span>
    </div>
  );
}

function SheetReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('himo');
  const lines = (row.record['lines'] ?? []) as { status?: string }[];
  const projectId = typeof row.record['projectId'] === 'string' ? row.record['projectId'] : '';
  return (
    <Page title={t('sheet.title')} back={`/himo/p/${projectId}`}>
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <p>
        {t('sheet.counts', {
          present: lines.filter((l) => l.status === 'present').length,
          half: lines.filter((l) => l.status === 'half_day').length,
          absent: lines.filter((l) => l.status === 'absent').length,
          unmarked: 0,
        })}
      </p>
    </Page>
  );
}

/** The day's attendance sheet of one microproject: a line per worker of its roll. */
export const sheetForm: RecordFormSpec<ProjectData> = {
  recordType: 'himo_attendance',
  ns: 'himo',
  title: 'sheet.title',
  back: (record) => `/himo/p/${textOf(record, 'projectId')}`,
  sections: { sheet: SheetSection },
  readOnly: SheetReadOnly,
  useData: useProjectData,
  ruleContext: ({ project, roll, sheets }) => ({
    himoWorkers: roll,
    attendanceSheets: sheets,
    ...(project ? { microprojects: [project] satisfies HimoMicroproject[] } : {}),
  }),
};

export function SheetForm({ id }: { id: string }) {
  return <RecordFormScreen spec={sheetForm} id={id} />;
}
