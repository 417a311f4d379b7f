import type { Issue } from '@jigi/sync';
import { flattenRecord, isJsonObject, type Json, type JsonObject } from '@jigi/sync';
import { useSupervisorT } from '../../lib/i18n';
import { childRef } from './child-ref';
import { labelOf, pathLabel } from './field-label';
import { layoutOf } from './record-layouts';
import { RecordTable } from './record-table';
import { formatValue, leafName } from './value-labels';

/** Lines of an array of objects that each carry an `id` (roster, children, attendance…). */
export function isKeyedList(value: Json | undefined): value is JsonObject[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => isJsonObject(v) && typeof v['id'] === 'string')
  );
}

/** Every field of a record, section by section as in the form, warnings marked where they point. */
export function RecordFields({
  type,
  data,
  warnings,
  names,
}: {
  type: string;
  data: JsonObject;
  warnings: readonly Issue[];
  names: { village: string; agent: string };
}) {
  const { t } = useSupervisorT();
  const yesNo = { yes: t('yes'), no: t('no') };
  const warned = (path: string) =>
    warnings.filter((w) => w.path === path || w.path.startsWith(`${path}.`));
  const shown = (path: string, value: Json): string => {
    if (path === 'villageId') return names.village;
    if (path === 'agentId') return names.agent;
    const text = childRef(data, leafName(path), value) ?? formatValue(type, path, value, yesNo);
    return text === '' ? '—' : text;
  };
  return (
    <>
      {layoutOf(type, data).map((section) => {
        const fields = section.fields.filter((f) => data[f] !== undefined);
        if (fields.length === 0) return null;
        return (
          <section key={section.id} className="card" aria-labelledby={`sec-${section.id}`}>
            <h3 id={`sec-${section.id}`}>
              {t(`sections.${section.id}`, { defaultValue: section.id })}
            </h3>
            {fields.map((field) => {
              const value = data[field] as Json;
              if (isKeyedList(value))
                return (
                  <RecordTable
                    key={field}
                    type={type}
                    field={field}
                    rows={value}
                    record={data}
                    warnings={warned(field)}
                    caption={labelOf(field)}
                  />
                );
              const leaves = isJsonObject(value)
                ? Object.entries(flattenRecord({ [field]: value }))
                : [[field, value] as const];
              return (
                <dl key={field} className="summary sup-fields">
                  {leaves.map(([path, leaf]) => {
                    const issues = warned(path);
                    return (
                      <div
                        key={path}
                        className={issues.length > 0 ? 'sup-field sup-field-warning' : 'sup-field'}
                      >
                        <dt>
                          {fields.length === 1 && path.includes('.')
                            ? pathLabel(path, data).split(' › ').slice(1).join(' › ')
                            : pathLabel(path, data)}
                        </dt>
                        <dd>
                          {shown(path, leaf)}
                          {issues.map((i) => (
                            <span key={i.rule} className="issue issue-warning sup-inline-issue">
                              {i.message}
                            </span>
                          ))}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
