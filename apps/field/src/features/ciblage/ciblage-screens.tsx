import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Flash } from '../../components/flash';
import { NewDraft } from '../../components/new-draft';
import { Page } from '../../components/page';
import { WorkList } from '../../components/work-list';
import { newId } from '../../lib/clock';
import { Link } from '../../lib/router';
import { useDeviceId } from '../../lib/use-device-id';
import { useSession } from '../../lib/session';
import type { WorkItem } from '../../storage/records';
import { newCiblageRecord } from './new-ciblage';

const TYPES = ['ciblage_household'] as const;

type Member = { relationToHead?: string; firstName?: string; lastName?: string };

export function describeCiblage(
  item: WorkItem,
  untitled: string,
): { title: string; subtitle?: string } {
  const members = (item.record['members'] ?? []) as Member[];
  const head = members.find((m) => m.relationToHead === 'chef') ?? members[0];
  const name = head ? `${head.firstName ?? ''} ${head.lastName ?? ''}`.trim() : '';
  const code =
    typeof item.record['householdCode'] === 'string' ? item.record['householdCode'] : undefined;
  return { title: name || code || untitled, ...(code && name ? { subtitle: code } : {}) };
}

export function CiblageList() {
  const { t } = useTranslation('ciblage');
  const { user } = useSession();
  return (
    <Page
      title={t('listTitle')}
      back="/"
      actions={
        <Link to="/ciblage/new" className="btn btn-primary">
          + {t('new')}
        </Link>
      }
    >
      <Flash />
      <WorkList
        agentId={user.id}
        types={TYPES}
        describe={(i) => describeCiblage(i, t('untitled'))}
        to={(i) => `/ciblage/${i.id}`}
      />
    </Page>
  );
}

export function NewCiblage() {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const make = useCallback(
    () => newCiblageRecord({ id: newId(), agentId: user.id, deviceId: deviceId || 'unregistered' }),
    [user.id, deviceId],
  );
  if (!deviceId) return null;
  return (
    <NewDraft
      make={make}
      agentId={user.id}
      position={{ section: 'identification' }}
      to={(id) => `/ciblage/${id}`}
    />
  );
}
