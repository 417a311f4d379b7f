import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Flash } from '../../components/flash';
import { NewDraft } from '../../components/new-draft';
import { Page } from '../../components/page';
import { WorkList } from '../../components/work-list';
import { newId } from '../../lib/clock';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useDeviceId } from '../../lib/use-device-id';
import { newPnpRecord } from './new-pnp-enrolment';

const TYPES = ['pnp_enrolment'] as const;

export function PnpList() {
  const { t } = useTranslation('pnp');
  const { user } = useSession();
  return (
    <Page
      title={t('listTitle')}
      back="/"
      actions={
        <Link to="/pnp/new" className="btn btn-primary">
          + {t('new')}
        </Link>
      }
    >
      <Flash />
      <WorkList
        agentId={user.id}
        types={TYPES}
        describe={(i) => {
          const household = i.record['household'] as
            { householdCode?: string; caregiver?: { name?: string } } | undefined;
          const children = (i.record['children'] ?? []) as unknown[];
          return {
            title: household?.caregiver?.name ?? t('untitled'),
            subtitle: [household?.householdCode, t('children.count', { count: children.length })]
              .filter(Boolean)
              .join(' · '),
          };
        }}
        to={(i) => `/pnp/${i.id}`}
      />
    </Page>
  );
}

export function NewPnp() {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const make = useCallback(
    () => newPnpRecord({ id: newId(), agentId: user.id, deviceId: deviceId || 'unregistered' }),
    [user.id, deviceId],
  );
  if (!deviceId) return null;
  return (
    <NewDraft
      make={make}
      agentId={user.id}
      position={{ section: 'household' }}
      to={(id) => `/pnp/${id}`}
    />
  );
}
