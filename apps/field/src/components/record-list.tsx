import { recordTypeDescriptor, type RecordTitle, type RecordType } from '@jigi/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { WorkItem } from '../storage/records';
import { Flash } from './flash';
import { Page } from './page';
import { UndoToast } from './undo-toast';
import { WorkList } from './work-list';

/** How a module's list names a line, from the domain's title of the record and the module's strings. */
export type DescribeItem = (
  item: WorkItem,
  title: RecordTitle,
  t: TFunction,
) => { title: string; subtitle?: string };

const emptyTitle: RecordTitle = { title: '', subtitle: '', params: {} };

/**
 * A module's work list: its drafts and records of one type (`listTitle`, `new` and the line names from
 * the module's namespace), a « new » button to `<path>/new` unless the tablet never starts such a
 * record (`creatable={false}`: an assembly's list comes from the server), each line opening `<path>/<id>`.
 */
export function RecordList({
  ns,
  recordType,
  path,
  describe,
  creatable = true,
}: {
  ns: string;
  recordType: RecordType;
  path: string;
  describe: DescribeItem;
  creatable?: boolean;
}) {
  const { t } = useTranslation(ns);
  const { user } = useSession();
  const titleOf = recordTypeDescriptor(recordType)?.title;
  return (
    <Page
      title={t('listTitle')}
      back="/"
      actions={
        creatable ? (
          <Link to={`${path}/new`} className="btn btn-primary">
            + {t('new')}
          </Link>
        ) : undefined
      }
    >
      <Flash />
      <UndoToast />
      <WorkList
        agentId={user.id}
        types={[recordType]}
        describe={(i) => describe(i, titleOf ? titleOf(i.record) : emptyTitle, t)}
        to={(i) => `${path}/${i.id}`}
      />
    </Page>
  );
}
