import { memo, useCallback, type ReactNode } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useErrorCount } from '../../lib/form-issues';
import { Button } from '../button';

type Item = { id: string } & Record<string, unknown>;

export interface ItemListLabels {
  count: (n: number) => string;
  empty: string;
  add: string;
  edit: (title: string) => string;
  remove: (title: string) => string;
}

/**
 * A keyed child list of a record (children, women): light memoised rows, one item edited at a time.
 * The item being edited is the form position's `itemId`, so a reopened draft lands back in it.
 */
export function ItemList({
  name,
  editingId,
  onEditing,
  describe,
  makeItem,
  labels,
  editor,
}: {
  name: string;
  editingId: string | undefined;
  onEditing: (id: string | undefined) => void;
  describe: (item: Partial<Item>) => { title: string; subtitle?: string; alert?: string };
  makeItem: () => Item;
  labels: ItemListLabels;
  editor: (index: number, onDone: () => void) => ReactNode;
}) {
  const { control, getValues } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name, keyName: '_key' });
  const editingIndex =
    editingId === undefined ? -1 : fields.findIndex((f) => (f as unknown as Item).id === editingId);
  const onEdit = useCallback(
    (index: number) => {
      onEditing(getValues(`${name}.${index}.id`) as string | undefined);
    },
    [getValues, name, onEditing],
  );
  const onRemove = useCallback(
    (index: number) => {
      remove(index);
    },
    [remove],
  );
  if (editingIndex >= 0)
    return (
      <>
        {editor(editingIndex, () => {
          onEditing(undefined);
        })}
      </>
    );
  return (
    <>
      <p className="lead">{labels.count(fields.length)}</p>
      {fields.length === 0 && <p>{labels.empty}</p>}
      <ul className="list">
        {fields.map((f, index) => (
          <ItemRow
            key={f._key}
            name={name}
            index={index}
            describe={describe}
            labels={labels}
            onEdit={onEdit}
            onRemove={onRemove}
          />
        ))}
      </ul>
      <Button
        variant="primary"
        onClick={() => {
          const item = makeItem();
          append(item, { shouldFocus: false });
          onEditing(item.id);
        }}
      >
        + {labels.add}
      </Button>
    </>
  );
}

const ItemRow = memo(function ItemRow({
  name,
  index,
  describe,
  labels,
  onEdit,
  onRemove,
}: {
  name: string;
  index: number;
  describe: (item: Partial<Item>) => { title: string; subtitle?: string; alert?: string };
  labels: ItemListLabels;
  onEdit: (i: number) => void;
  onRemove: (i: number) => void;
}) {
  const item = (useWatch({ name: `${name}.${index}` }) ?? {}) as Partial<Item>;
  const errors = useErrorCount(`${name}.${index}`);
  const d = describe(item);
  return (
    <li>
      <span className="grow">
        <span className="list-title">{d.title}</span>
        {d.subtitle && (
          <>
            <br />
            <span className="small">{d.subtitle}</span>
          </>
        )}
        {d.alert && <span className="issue issue-error"> {d.alert}</span>}
        {errors > 0 && <span className="issue issue-error"> ⚠ {errors}</span>}
      </span>
      <Button
        className="btn-small"
        onClick={() => {
          onEdit(index);
        }}
      >
        {labels.edit(d.title)}
      </Button>
      <Button
        variant="danger"
        className="btn-small"
        onClick={() => {
          onRemove(index);
        }}
      >
        {labels.remove(d.title)}
      </Button>
    </li>
  );
});
