import type { ReviewStatus } from '@jigi/contract';
import { useSupervisorT } from '../lib/i18n';

const tone: Record<ReviewStatus, string> = {
  received: 'badge-finalised',
  approved: 'badge-synced',
  returned: 'badge-returned',
  rejected: 'badge-rejected',
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useSupervisorT();
  return <span className={`badge ${tone[status]}`}>{t(`status.${status}`)}</span>;
}
