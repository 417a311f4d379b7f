import type { BeneficiaryHousehold } from '@jigi/domain';
import { useEffect, useMemo } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { liveValue, useLive } from '../../lib/use-live';
import { householdsOfVillage } from '../../storage/reference';
import { AttendanceLine } from './attendance-line';
import { attendanceCounts, attendanceLinesFor } from './new-ma-session';

/** The village's beneficiary households (from the server), one line each, with live counts. */
export function AttendanceSection() {
  const { t } = useTranslation('ma');
  const { control, getValues, setValue } = useFormContext();
  const villageId = useWatch({ name: 'villageId' }) as string | undefined;
  const live = useLive(
    () => (villageId ? householdsOfVillage(villageId) : Promise.resolve([])),
    [villageId],
  );
  const households = liveValue(live, [] as BeneficiaryHousehold[]);
  const { fields } = useFieldArray({ control, name: 'attendance', keyName: '_key' });
  const byId = useMemo(() => new Map(households.map((h) => [h.id, h])), [households]);

  // Pre-load (or re-load after a change of village) the list; marks already made on the same
  // households are kept.
  useEffect(() => {
    if (live.status !== 'ready' || households.length === 0) return;
    const lines = (getValues('attendance') ?? []) as { id: string }[];
    const same = lines.length === households.length && lines.every((l) => byId.has(l.id));
    if (!same) setValue('attendance', attendanceLinesFor(households), { shouldDirty: true });
  }, [live.status, households, byId, getValues, setValue]);

  if (!villageId) return <Notice tone="info">{t('chooseVillageFirst')}</Notice>;
  if (live.status === 'ready' && households.length === 0)
    return <Notice tone="warning">{t('noHouseholds')}</Notice>;
  return (
    <>
      <AttendanceCounts />
      <Button
        onClick={() => {
          fields.forEach((_, i) => {
            const current: unknown = getValues(`attendance.${i}.status`);
            if (current === undefined || current === null || current === '')
              setValue(`attendance.${i}.status`, 'absent', { shouldDirty: true });
          });
        }}
      >
        {t('markRestAbsent')}
      </Button>
      {fields.map((f, index) => (
        <AttendanceLine
          key={f._key}
          index={index}
          household={byId.get((f as unknown as { id: string }).id)}
        />
      ))}
    </>
  );
}

export function AttendanceCounts() {
  const { t } = useTranslation('ma');
  const lines = (useWatch({ name: 'attendance' }) ?? []) as { status?: string }[];
  const c = attendanceCounts(lines);
  const rate = c.expected === 0 ? 0 : Math.round((c.present / c.expected) * 100);
  return (
    <div className="counts" role="status" aria-label={t('counts.label')}>
      <span className="pill pill-ok">{t('counts.present', { count: c.present })}</span>
      <span className="pill pill-off">{t('counts.absent', { count: c.absent })}</span>
      <span className="pill pill-warn">{t('counts.excused', { count: c.excused })}</span>
      <span className="pill">{t('counts.unmarked', { count: c.unmarked })}</span>
      <span className="pill">{t('counts.rate', { rate })}</span>
    </div>
  );
}
