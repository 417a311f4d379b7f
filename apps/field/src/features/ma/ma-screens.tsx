import { formatDateFr } from '@jigi/domain';
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
import { newMaSessionRecord } from './new-ma-session';

const TYPES = ['ma_session'] as const;

export function MaList() {
  const { t } = useTranslation('ma');
  const { user } = useSession();
  return (
    <Page
      title={t('listTitle')}
      back="/"
      actions={
        <Link to="/ma/new" className="btn btn-primary">
          + {t('new')}
        </Link>
      }
    >
      <Flash />
      <WorkList
        agentId={user.id}
        types={TYPES}
        describe={(i) => {
          const date =
            typeof i.record['date'] === 'string' ? formatDateFr(i.record['date']) : t('untitled');
          const no =
            typeof i.record['sessionNo'] === 'number'
              ? t('sessionNo', { no: i.record['sessionNo'] })
              : undefined;
          return { title: date, ...(no ? { subtitle: no } : {}) };
        }}
        to={(i) => `/ma/${i.id}`}
      />
    </Page>
  );
}

export function NewMaSession() {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const make = useCallback(
    () =>
      newMaSessionRecord({
        id: newId(),
        agentId: user.id,
        deviceId: deviceId || 'unregistered',
        facilitatorName: user.name,
      }),
    [user.id, user.name, deviceId],
  );
  if (!deviceId) return null;
  return (
    <NewDraft
      make={make}
      agentId={user.id}
      position={{ section: 'session' }}
      to={(id) => `/ma/${id}`}
    />
  );
}
