import { muacColour } from '../rules/muac';
import type { ProgramSettings } from '../settings/program-settings';
import type { AnyRecordData, IndicatorTable, Measure, Predicate } from './module-descriptor';
import { listField, objectField } from './record-type';

/** What a dashboard table is computed from: records and reference rows the caller may see. */
export interface IndicatorInput {
  /** The records of a type inside the caller's scope and period. */
  readonly records: (type: string) => readonly AnyRecordData[];
  /** The villages in scope (`id`, `name`, `quota`…). */
  readonly villages: readonly AnyRecordData[];
  /** The microprojects in scope (`projectId`, `name`, `dailyWageFcfa`…). */
  readonly microprojects: readonly AnyRecordData[];
  readonly settings: Pick<ProgramSettings, 'muac'>;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** One line of a dashboard table, by column id. */
export type IndicatorRow = Record<string, string | number | null>;

type Group = {
  reference: AnyRecordData;
  /** The row's records of each type. */
  records: (type: string) => readonly AnyRecordData[];
  /** The row's own list items (`item` rows) or its record (`record` rows). */
  items?: readonly AnyRecordData[];
  record?: AnyRecordData;
};

function holds(obj: AnyRecordData, p: Predicate, settings: Pick<ProgramSettings, 'muac'>): boolean {
  if ('anyOf' in p) return p.anyOf.some((q) => holds(obj, q, settings));
  const v = obj[p.field];
  if ('equals' in p) return v === p.equals;
  if ('present' in p) return (v !== undefined && v !== null) === p.present;
  return typeof v === 'number' && muacColour(v, settings.muac) === p.muacColour;
}

function scalar(v: unknown): string | number | null {
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

function measure(
  m: Measure,
  type: string,
  g: Group,
  input: IndicatorInput,
): string | number | null {
  const matches = (obj: AnyRecordData, where?: Predicate) =>
    where === undefined || holds(obj, where, input.settings);
  switch (m.kind) {
    case 'records':
      return g.records(m.recordType ?? type).filter((r) => matches(r, m.where)).length;
    case 'items': {
      const items =
        g.items ?? g.records(type).flatMap((r) => listField(r[m.list]).map(objectField));
      return items.filter((i) => matches(i, m.where)).length;
    }
    case 'field':
      return scalar((g.record ?? g.items?.[0] ?? {})[m.field]);
    case 'reference':
      return scalar(g.reference[m.field]);
    case 'computed':
      return m.compute({
        reference: g.reference,
        records: g.records,
        from: input.from ?? '0000-01-01',
        to: input.to ?? '9999-12-31',
      });
  }
}

function groups(table: IndicatorTable, input: IndicatorInput): Group[] {
  const villageOf = (r: AnyRecordData) =>
    input.villages.find((v) => v['id'] === r['villageId']) ?? {};
  const rows = table.rows;
  switch (rows.by) {
    case 'village':
      return input.villages.map((v) => ({
        reference: v,
        records: (type) => input.records(type).filter((r) => r['villageId'] === v['id']),
      }));
    case 'microproject':
      return input.microprojects.map((p) => ({
        reference: p,
        records: (type) => input.records(type).filter((r) => r[rows.field] === p['projectId']),
      }));
    case 'record':
      return input.records(table.recordType).map((r) => ({
        reference: villageOf(r),
        records: (type) => (type === table.recordType ? [r] : []),
        record: r,
      }));
    case 'item': {
      const byId = new Map<unknown, { record: AnyRecordData; items: AnyRecordData[] }>();
      for (const r of input.records(table.recordType))
        for (const item of listField(r[rows.list]).map(objectField)) {
          const entry = byId.get(item['id']) ?? { record: r, items: [] };
          entry.items.push(item);
          byId.set(item['id'], entry);
        }
      return [...byId.values()].map(({ record, items }) => ({
        reference: villageOf(record),
        records: () => [],
        items,
      }));
    }
  }
}

/**
 * The rows of one dashboard table from the records and reference rows it is given. Pure: what the
 * caller may see (zones, period) is what it passes in.
 */
export function computeIndicator(table: IndicatorTable, input: IndicatorInput): IndicatorRow[] {
  return groups(table, input).map((g) =>
    Object.fromEntries(
      table.columns.map((c) => [c.id, measure(c.measure, table.recordType, g, input)]),
    ),
  );
}
