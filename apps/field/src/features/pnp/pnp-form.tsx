import { ageInMonths, muacColour, muacColourLabels, type BeneficiaryHousehold } from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GpsField } from '../../components/form/gps-field';
import { IssueSummary } from '../../components/form/issue-summary';
import { ItemList } from '../../components/form/item-list';
import {
  RecordFormScreen,
  type RecordFormSpec,
  type SectionProps,
} from '../../components/form/record-form-screen';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { newId } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useLive } from '../../lib/use-live';
import { allVillages, householdsOfVillages } from '../../storage/reference';
import type { RecordRow } from '../../storage/types';
import { ChildEditor } from './child-editor';
import { HouseholdSection } from './household-section';
import { WomanEditor } from './woman-editor';

function ChildrenSection({ editingId, onEditing }: SectionProps<unknown>) {
  const { t } = useTranslation('pnp');
  const settings = useProgramSettings();
  const visitDate = useWatch({ name: 'visitDate' }) as string | undefined;
  return (
    <ItemList
      name="children"
      editingId={editingId}
      onEditing={onEditing}
      makeItem={() => ({ id: newId() })}
      describe={(c) => {
        const months =
          typeof c['dob'] === 'string' && visitDate ? ageInMonths(c['dob'], visitDate) : undefined;
        const mm = c['muacMm'];
        const colour = typeof mm === 'number' ? muacColour(mm, settings.muac) : undefined;
        const title = typeof c['name'] === 'string' && c['name'] ? c['name'] : t('newChild');
        return {
          title,
          subtitle: [
            months !== undefined ? t('ageMonths', { months }) : undefined,
            colour
              ? t('muacColour', {
                  colour: t(`options:muacColour.${colour}`, {
                    defaultValue: muacColourLabels[colour],
                  }),
                })
              : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
        };
      }}
      labels={{
        count: (count) => t('children.count', { count }),
        empty: t('children.empty'),
        add: t('children.add'),
        edit: (name) => t('children.edit', { name }),
        remove: (name) => t('children.remove', { name }),
      }}
      editor={(i, done) => <ChildEditor index={i} onDone={done} />}
    />
  );
}

function WomenSection({ editingId, onEditing }: SectionProps<unknown>) {
  const { t } = useTranslation('pnp');
  return (
    <ItemList
      name="women"
      editingId={editingId}
      onEditing={onEditing}
      makeItem={() => ({ id: newId() })}
      describe={(w) => ({
        title: typeof w['name'] === 'string' && w['name'] ? w['name'] : t('newWoman'),
      })}
      labels={{
        count: (count) => t('women.count', { count }),
        empty: t('women.empty'),
        add: t('women.add'),
        edit: (name) => t('women.edit', { name }),
        remove: (name) => t('women.remove', { name }),
      }}
      editor={(i, done) => <WomanEditor index={i} onDone={done} />}
    />
  );
}

function SummarySection() {
  return (
    <>
      <GpsField name="gps" />
      <IssueSummary />
    </>
  );
}

function PnpReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('pnp');
  const children = (row.record['children'] ?? []) as unknown[];
  const women = (row.record['women'] ?? []) as unknown[];
  return (
    <Page title={t('formTitle')} back="/pnp">
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <p>
        {t('children.count', { count: children.length })} ·{' '}
        {t('women.count', { count: women.length })}
      </p>
    </Page>
  );
}

/** A PNP enrolment: the household, its children and women, then the point and the summary. */
export const pnpForm: RecordFormSpec<readonly BeneficiaryHousehold[] | undefined> = {
  recordType: 'pnp_enrolment',
  ns: 'pnp',
  title: 'formTitle',
  back: () => '/pnp',
  sections: {
    household: HouseholdSection,
    children: ChildrenSection,
    women: WomenSection,
    summary: SummarySection,
  },
  readOnly: PnpReadOnly,
  useData: useBeneficiaryLists,
  // The village's list, once loaded: the rule checks a beneficiary code against it.
  ruleContext: (lists, record) =>
    lists === undefined
      ? {}
      : {
          beneficiaryHouseholds: lists.filter((h) => h.villageId === record['villageId']),
        },
};

/** The beneficiary households of the tablet's villages (undefined while loading). */
function useBeneficiaryLists(): readonly BeneficiaryHousehold[] | undefined {
  const live = useLive(
    async () => householdsOfVillages((await allVillages()).map((v) => v.id)),
    [],
  );
  return live.status === 'ready' ? live.value : undefined;
}

export function PnpForm({ id }: { id: string }) {
  return <RecordFormScreen spec={pnpForm} id={id} />;
}
