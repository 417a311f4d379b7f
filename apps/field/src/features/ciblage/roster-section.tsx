import { useCallback } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { SelectField } from '../../components/form/select-field';
import { newId } from '../../lib/clock';
import { MemberEditor } from './member-editor';
import { MemberRow } from './member-row';

type Member = { id: string; memberNo?: number; firstName?: string; lastName?: string };

/**
 * The household roster: a light list of memoised rows, and one member edited at a time. The member
 * being edited is part of the form position, so a reopened draft lands back in that member.
 */
export function RosterSection({
  editingId,
  onEditing,
}: {
  editingId: string | undefined;
  onEditing: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('ciblage');
  const { control, getValues } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'members', keyName: '_key' });
  const interviewDate = useWatch({ name: 'interviewDate' }) as string | undefined;
  const editingIndex =
    editingId === undefined
      ? -1
      : fields.findIndex((f) => (f as unknown as Member).id === editingId);

  const onEdit = useCallback(
    (index: number) => {
      const id = (getValues(`members.${index}.id`) as string | undefined) ?? undefined;
      onEditing(id);
    },
    [getValues, onEditing],
  );
  const onRemove = useCallback(
    (index: number) => {
      remove(index);
    },
    [remove],
  );

  if (editingIndex >= 0) {
    return (
      <MemberEditor
        index={editingIndex}
        onDone={() => {
          onEditing(undefined);
        }}
      />
    );
  }

  function add() {
    const members = (getValues('members') ?? []) as Member[];
    const next = members.reduce((max, m) => Math.max(max, m.memberNo ?? 0), 0) + 1;
    const id = newId();
    append({ id, memberNo: next }, { shouldFocus: false });
    onEditing(id);
  }

  return (
    <>
      <p className="lead">{t('roster.count', { count: fields.length })}</p>
      {fields.length === 0 && <p>{t('roster.empty')}</p>}
      <ul className="list">
        {fields.map((f, index) => (
          <MemberRow
            key={f._key}
            index={index}
            interviewDate={interviewDate}
            onEdit={onEdit}
            onRemove={onRemove}
          />
        ))}
      </ul>
      <Button variant="primary" onClick={add}>
        + {t('roster.add')}
      </Button>
      <RespondentField />
    </>
  );
}

function RespondentField() {
  const { t } = useTranslation('ciblage');
  const members = (useWatch({ name: 'members' }) ?? []) as Member[];
  return (
    <div className="spaced">
      <SelectField
        name="respondentMemberId"
        label={t('fields.respondent')}
        options={members.map((m) => ({
          value: m.id,
          label: `n°${m.memberNo ?? '?'} ${m.firstName ?? ''} ${m.lastName ?? ''}`.trim(),
        }))}
      />
    </div>
  );
}
