import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { RecordList, type DescribeItem } from '../../components/record-list';

const describeAssembly: DescribeItem = (item, { title }, t) => {
  const lines = (item.record['households'] ?? []) as unknown[];
  return {
    title: item.record['held'] === true ? title || t('untitled') : t('toHold'),
    subtitle: t('lineCount', { count: lines.length }),
  };
};

export function AssemblyList() {
  return (
    <RecordList
      ns="assembly"
      recordType="assembly_validation"
      path="/assembly"
      describe={describeAssembly}
      creatable={false}
    />
  );
}

/** Lists come from the server (the supervisor publishes them); the tablet never starts one. */
export function NoNewAssembly() {
  const { t } = useTranslation('assembly');
  return (
    <Page title={t('listTitle')} back="/assembly">
      <Notice tone="info">{t('noNew')}</Notice>
    </Page>
  );
}
