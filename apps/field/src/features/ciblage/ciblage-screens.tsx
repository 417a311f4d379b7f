import { NewRecord } from '../../components/new-record';
import { RecordList, type DescribeItem } from '../../components/record-list';
import { newCiblageRecord } from './new-ciblage';

type Member = { relationToHead?: string; firstName?: string; lastName?: string };

// A roster being filled in may have no head yet: the line is named by its first member meanwhile.
const describeCiblage: DescribeItem = (item, { title, subtitle }, t) => {
  const members = (item.record['members'] ?? []) as Member[];
  const first = members.some((m) => m.relationToHead === 'chef') ? undefined : members[0];
  const name = first ? `${first.firstName ?? ''} ${first.lastName ?? ''}`.trim() : title;
  return {
    title: name || subtitle || t('untitled'),
    ...(subtitle && name ? { subtitle } : {}),
  };
};

export function CiblageList() {
  return (
    <RecordList
      ns="ciblage"
      recordType="ciblage_household"
      path="/ciblage"
      describe={describeCiblage}
    />
  );
}

export function NewCiblage() {
  return (
    <NewRecord
      recordType="ciblage_household"
      make={newCiblageRecord}
      to={(id) => `/ciblage/${id}`}
    />
  );
}
