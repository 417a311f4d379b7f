import { ciblageOptions, memberAge } from '@jigi/domain';
import { memo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { useErrorCount } from '../../lib/form-issues';

type MemberSummary = {
  id?: string;
  memberNo?: number;
  firstName?: string;
  lastName?: string;
  sex?: string;
  relationToHead?: string;
  dob?: string;
  ageYears?: number;
};

/**
 * One roster line. Memoised and subscribed to its own member only, so typing in one member (or
 * adding the 60th) does not re-render the 59 others.
 */
export const MemberRow = memo(function MemberRow({
  index,
  interviewDate,
  onEdit,
  onRemove,
}: {
  index: number;
  interviewDate: string | undefined;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation('ciblage');
  const m = (useWatch({ name: `members.${index}` }) ?? {}) as MemberSummary;
  const [confirming, setConfirming] = useState(false);
  const errors = useErrorCount(`members.${index}`);
  const name = `${m.firstName ?? ''} ${m.lastName ?? ''}`.trim() || t('roster.noName');
  const age = memberAge(m as Parameters<typeof memberAge>[0], interviewDate);
  const relation = m.relationToHead
    ? (ciblageOptions.relationToHead.labels as Record<string, string>)[m.relationToHead]
    : undefined;
  return (
    <li className={errors ? 'has-errors' : undefined}>
      <span className="badge">n°{m.memberNo ?? '?'}</span>
      <span className="grow">
        <span className="list-title">{name}</span>
        <br />
        <span className="small">
          {[
            m.sex === 'M' ? 'M' : m.sex === 'F' ? 'F' : undefined,
            relation &&
              t(`options:relationToHead.${m.relationToHead ?? ''}`, { defaultValue: relation }),
            age !== undefined ? t('roster.age', { age }) : undefined,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {errors > 0 && <span className="issue issue-error"> ⚠ {errors}</span>}
      </span>
      <Button
        className="btn-small"
        aria-label={t('roster.edit', { no: m.memberNo ?? '?' })}
        onClick={() => {
          onEdit(index);
        }}
      >
        {t('common:edit')}
      </Button>
      {confirming ? (
        <Button
          variant="danger"
          className="btn-small"
          onClick={() => {
            onRemove(index);
          }}
        >
          {t('roster.confirmRemove', { name })}
        </Button>
      ) : (
        <Button
          variant="danger"
          className="btn-small"
          aria-label={t('roster.remove', { no: m.memberNo ?? '?' })}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('common:remove')}
        </Button>
      )}
    </li>
  );
});
