import { NewRecord } from '../../components/new-record';
import { RecordList, type DescribeItem } from '../../components/record-list';
import { newPnpRecord } from './new-pnp-enrolment';

const describeEnrolment: DescribeItem = (item, { title, subtitle }, t) => {
  const children = (item.record['children'] ?? []) as unknown[];
  return {
    title: title || t('untitled'),
    subtitle: [subtitle, t('children.count', { count: children.length })]
      .filter(Boolean)
      .join(' · '),
  };
};

export function PnpList() {
  return (
    <RecordList ns="pnp" recordType="pnp_enrolment" path="/pnp" describe={describeEnrolment} />
  );
}

export function NewPnp() {
  return <NewRecord recordType="pnp_enrolment" make={newPnpRecord} to={(id) => `/pnp/${id}`} />;
}
