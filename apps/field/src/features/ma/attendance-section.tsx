import type { BeneficiaryHousehold } from '@jigi/domain';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { liveValue, useLive } from '../../lib/use-live';
import { householdsOfVillage } from '../../storage/reference';
import { AttendanceLine } from './attendance-line';
import { attendanceCounts, attendanceLinesFor } from './new-ma-session';
import { matchesSearch } from './roll-call';

/**
 * The roll call: the village's beneficiary households (from the server), one line each, a search
 * by name or code, and the counts always in view (sticky) above them.
 */
export function AttendanceSection() {
  const { t } = useTranslation('ma');
  const searchId = useId();
  const { control, getValues, setValue } = useFormContext();
  const villageId = useWatch({ name: 'villageId' }) as string | undefined;
  const live = useLive(
    () => (villageId ? householdsOfVillage(villageId) : Promise.resolve([])),
    [villageId],
  );
  const households = liveValue(live, [] as BeneficiaryHousehold[]);
  const { fields } = useFieldArray({ control, name: 'attendance', keyName: '_key' });
  const byId = useMemo(() => new Map(households.map((h) => [h.id, h])), [households]);
  const [query, setQuery] = useState('');
  // Typing in the search never waits for 150 lines to re-render: the list follows a beat behind.
  const deferredQuery = useDeferredValue(query);

  // Pre-load (or re-load after a change of village) the list; marks already made on the same
  // households are kept.
  useEffect(() => {
    if (live.status !== 'ready' || households.length === 0) return;
    const lines = (getValues('attendance') ?? []) as { id: string }[];
    const same = lines.length === households.length && lines.every((l) => byId.has(l.id));
    if (!same) setValue('attendance', attendanceLinesFor(households), { shouldDirty: true });
  }, [live.status, households, byId, getValues, setValue]);

  const shown = useMemo(
    () =>
      fields.flatMap((f, index) => {
        const household = byId.get((f as unknown as { id: string }).id);
        const code = (f as unknown as { householdCode: string }).householdCode;
        return matchesSearch(household ?? { householdCode: code }, deferredQuery)
          ? [{ key: f._key, index, household }]
          : [];
      }),
    [fields, byId, deferredQuery],
  );

  const rollCall = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = rollCall.current;
    if (!root) return;
    // The browser scrolls a focused control into view, but not out from under a sticky bar: Tab
    // going up the list would leave it behind the counts.
    const uncover = (e: FocusEvent) => {
      const bar = root.querySelector('.counts-sticky');
      const target = e.target as HTMLElement | null;
      if (!bar || !target || bar.contains(target)) return;
      const hidden = bar.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
      if (hidden > 0) window.scrollBy({ top: -(hidden + 8) });
    };
    root.addEventListener('focusin', uncover);
    return () => {
      root.removeEventListener('focusin', uncover);
    };
  });

  if (!villageId) return <Notice tone="info">{t('chooseVillageFirst')}</Notice>;
  if (live.status === 'ready' && households.length === 0)
    return <Notice tone="warning">{t('noHouseholds')}</Notice>;
  return (
    <div className="roll-call" ref={rollCall}>
      <AttendanceCounts sticky />
      <div className="field roll-call-search">
        <label htmlFor={searchId}>{t('search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
          }}
        />
      </div>
      {deferredQuery.trim() !== '' && (
        <p role="status" className="small">
          {t('searchShown', { count: shown.length, total: fields.length })}
        </p>
      )}
      {shown.map((s) => (
        <AttendanceLine key={s.key} index={s.index} household={s.household} />
      ))}
      <Button
        onClick={() => {
          fields.forEach((_, i) => {
            const current: unknown = getValues(`attendance.${String(i)}.status`);
            if (current === undefined || current === null || current === '')
              setValue(`attendance.${String(i)}.status`, 'absent', { shouldDirty: true });
          });
        }}
      >
        {t('markRestAbsent')}
      </Button>
    </div>
  );
}

/** Present, absent, excused, not yet marked and the rate; `sticky` keeps it in view while scrolling. */
export function AttendanceCounts({ sticky = false }: { sticky?: boolean }) {
  const { t } = useTranslation('ma');
  const lines = (useWatch({ name: 'attendance' }) ?? []) as { status?: string }[];
  const c = attendanceCounts(lines);
  const rate = c.expected === 0 ? 0 : Math.round((c.present / c.expected) * 100);
  return (
    <div
      className={sticky ? 'counts counts-sticky' : 'counts'}
      role="status"
      aria-label={t('counts.label')}
      data-testid={sticky ? 'roll-call-counts' : undefined}
    >
      <span className="pill pill-ok">{t('counts.present', { count: c.present })}</span>
      <span className="pill pill-off">{t('counts.absent', { count: c.absent })}</span>
      <span className="pill pill-warn">{t('counts.excused', { count: c.excused })}</span>
      <span className="pill">{t('counts.unmarked', { count: c.unmarked })}</span>
      <span className="pill">{t('counts.rate', { rate })}</span>
    </div>
  );
}
