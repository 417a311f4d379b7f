import { useCallback } from 'react';
import { NewRecord, type NewRecordBase } from '../../components/new-record';
import { RecordList, type DescribeItem } from '../../components/record-list';
import { useSession } from '../../lib/session';
import { newMaSessionRecord } from './new-ma-session';

const describeSession: DescribeItem = (item, { title }, t) => {
  const no = item.record['sessionNo'];
  return {
    title: title || t('untitled'),
    ...(typeof no === 'number' ? { subtitle: t('sessionNo', { no }) } : {}),
  };
};

export function MaList() {
  return <RecordList ns="ma" recordType="ma_session" path="/ma" describe={describeSession} />;
}

export function NewMaSession() {
  const { user } = useSession();
  const make = useCallback(
    (base: NewRecordBase) => newMaSessionRecord({ ...base, facilitatorName: user.name }),
    [user.name],
  );
  return <NewRecord recordType="ma_session" make={make} to={(id) => `/ma/${id}`} />;
}
