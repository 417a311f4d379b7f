import type { z } from 'zod';
import type { Draft, Issue, RuleContext } from '../rules/issue';
import type { ProgramSettings } from '../settings/program-settings';
import type { CaptureRole } from './roles';

// The shape of a programme module as data: what the server, the tablet and the console read instead
// of naming record types. A module's folder (`modules/<id>/`) holds its manifest, its records'
// schemas and rules, and the descriptor below that ties them together.

/** A record as a descriptor's functions accept it: a finalised record, a draft, or JSON from the server. */
export type AnyRecordData = Readonly<Record<string, unknown>>;

/**
 * The light part of a module: no schema, no zod, nothing but names. The tablet's shell reads it to draw
 * the home screen and the routes without loading the records' schemas.
 */
export interface ModuleManifest {
  /** Stable id, also the module's folder name (`pnp`). */
  readonly id: string;
  /** The module's record types, in the order they are listed everywhere. */
  readonly recordTypes: readonly string[];
  /** The field roles that capture its records on a tablet; supervisors and administrators may write any type. */
  readonly capturedBy: readonly CaptureRole[];
}

/**
 * One section of a record: one step of the tablet form and one heading of the supervisor's record
 * view. `fields` are top-level fields in the order the form asks them; an error under one of them marks
 * the section on the tablet. Fields of no section are still shown in review (nothing stored is hidden).
 */
export interface SectionLayout {
  /** Stable id: the form's saved position, and the key of its title in the apps' catalogues. */
  readonly id: string;
  readonly fields: readonly string[];
  /**
   * When the form asks it, as data so a form knows which answer to watch: the section shows while
   * `field` holds one of `in` (null: not answered yet). Absent: always. A review shows what is stored.
   */
  readonly when?: { readonly field: string; readonly in: readonly (string | null)[] };
}

/** Whether a section is asked for a record as it stands. */
export function sectionShown(section: SectionLayout, record: AnyRecordData): boolean {
  if (!section.when) return true;
  const value = record[section.when.field];
  return section.when.in.includes(typeof value === 'string' ? value : null);
}

/**
 * How a record is named. `title` is the person or the day it is about (head of household, caregiver,
 * worker; a session's date as dd/mm/yyyy), `subtitle` what tells two of them apart (the household code);
 * '' when not filled in yet. `params` are the named values a screen's sentence may use (`code`, `no`…),
 * as text, empty when missing. Text is as typed: apps render it as text, never as HTML.
 */
export interface RecordTitle {
  readonly title: string;
  readonly subtitle: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * What an export column holds, read from its schema: spreadsheets get dates as dates and amounts as
 * numbers. `date` is a calendar day (`YYYY-MM-DD`), `datetime` an instant (UTC, Bamako's time), `fcfa`
 * an integer amount of money.
 */
export type ExportValueKind = 'text' | 'number' | 'fcfa' | 'date' | 'datetime' | 'boolean';

/** One column of an export table. */
export interface ExportColumn {
  /** Column name as the export writes it: the value's dotted path (`dwelling.wall`) or a fixed column. */
  readonly key: string;
  /** French header. */
  readonly header: string;
  readonly kind: ExportValueKind;
  /** A list of values (several answers of a multiple choice), written joined in one cell. */
  readonly many?: boolean;
  /** French labels of the codes the column holds, when it holds codes. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * One table of a record type's export: the record table (one line per record, child lists left out),
 * or a child table (one line per item of a keyed list, with the parent's id).
 */
export interface ExportTable {
  /** '' for the record table, else the list field it is made of (`members`). */
  readonly id: string;
  /** French title (sheet or file name). */
  readonly title: string;
  /** Column holding the parent record's id (child tables). */
  readonly parentKey?: string;
  readonly columns: readonly ExportColumn[];
}

/** A value the screens show beside a list's own columns, computed and never stored (a child's age in months). */
export interface DerivedColumn {
  readonly key: string;
  /** French header. */
  readonly header: string;
  /** French labels of the codes it yields, when it yields codes. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Codes that are MUAC colours: the apps show them as the coloured badge of the MUAC tape. */
  readonly badge?: 'muac';
  /** The value for one item of the list, or undefined when it cannot be computed. */
  readonly value: (
    item: AnyRecordData,
    record: AnyRecordData,
    settings: Pick<ProgramSettings, 'muac'>,
  ) => string | number | undefined;
}

/** Which records a user may see and write: by the record's village, or by its microproject's villages. */
export type ScopeRule =
  { readonly by: 'village' } | { readonly by: 'microproject'; readonly field: string };

/** Reference data a module's tablet screens and rules use, pulled for the device's villages. */
export type ReferenceKind = 'villages' | 'beneficiaryHouseholds' | 'microprojects' | 'settings';

/** Upgrades a stored record from version `n` (its key in `migrations`) to `n + 1`. */
export type MigrationStep = (record: Record<string, unknown>) => Record<string, unknown>;

/** A record type: its schema and everything the apps need to show, check, merge and export it. */
export interface RecordTypeDescriptor<S extends RecordSchema = RecordSchema> {
  readonly type: S['shape']['type']['value'];
  /** French name of the record (console, exports). */
  readonly label: string;
  /** The schema at the current version. */
  readonly schema: S;
  /** Upgrade steps from older versions (none when the type has only had version 1). */
  readonly migrations: Readonly<Partial<Record<number, MigrationStep>>>;
  /** The programme's rules, written against drafts so a form shows them while incomplete. */
  readonly rules: (record: Draft<z.infer<S>>, ctx: RuleContext) => Issue[];
  /**
   * Paths whose conflicting concurrent edits go to the supervisor (identity, eligibility, location).
   * `*` stands for one keyed-list id; a pattern covers what is under it, and one ending in `*` covers
   * adding or removing the line. The record's village and GPS point are critical for every type.
   */
  readonly criticalPaths: readonly string[];
  readonly sections: readonly SectionLayout[];
  readonly title: (record: AnyRecordData) => RecordTitle;
  /** Field names (at any depth) whose text a list is searched by: names and codes. */
  readonly search: readonly string[];
  /** Computed columns of its keyed lists, by list field. */
  readonly derived: Readonly<Record<string, readonly DerivedColumn[]>>;
  /** French labels of its coded fields, by field name (`sex`, `status`), from the schema's option lists. */
  readonly valueLabels: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Its export: the record table first, then one table per keyed list. */
  readonly exports: readonly ExportTable[];
}

/** A zod object schema of a record: a literal `type` and `schemaVersion` among its fields. */
export type RecordSchema = z.ZodObject & {
  readonly shape: {
    readonly type: z.ZodLiteral<string>;
    readonly schemaVersion: z.ZodLiteral<number>;
  };
};

/**
 * A dashboard table as data. A row is a village, a microproject, a household (the items of `list` that
 * share an id, across records) or one record; each column measures the row's records of `recordType`.
 */
export interface IndicatorTable {
  readonly id: string;
  /** French title. */
  readonly title: string;
  readonly recordType: string;
  readonly rows: IndicatorRows;
  readonly columns: readonly IndicatorColumn[];
}

export type IndicatorRows =
  | { readonly by: 'village' }
  | { readonly by: 'microproject'; readonly field: string }
  | { readonly by: 'record' }
  | { readonly by: 'item'; readonly list: string };

export interface IndicatorColumn {
  readonly id: string;
  /** French header. */
  readonly header: string;
  readonly unit: 'count' | 'days' | 'fcfa' | 'text' | 'date';
  readonly measure: Measure;
}

/**
 * What a column counts or shows. `records` and `items` count; `field` reads the row's record (or first
 * item); `reference` reads the row's village or microproject; `computed` is for figures that join
 * record types (days worked joins the roll and the sheets).
 */
export type Measure =
  | { readonly kind: 'records'; readonly recordType?: string; readonly where?: Predicate }
  | { readonly kind: 'items'; readonly list: string; readonly where?: Predicate }
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'reference'; readonly field: string }
  | { readonly kind: 'computed'; readonly compute: (input: ComputeInput) => number };

/** A condition on a record or a list item, as data. */
export type Predicate =
  | { readonly field: string; readonly equals: string | number | boolean }
  | { readonly field: string; readonly present: boolean }
  | { readonly field: string; readonly muacColour: 'red' | 'yellow' | 'green' }
  | { readonly anyOf: readonly Predicate[] };

/** What a `computed` measure sees: the row's reference, its records of every type, the period. */
export interface ComputeInput {
  readonly reference: AnyRecordData;
  readonly records: (type: string) => readonly AnyRecordData[];
  readonly from: string;
  readonly to: string;
}

/** A programme module: its manifest, its record types, its scope, reference data and indicators. */
export interface ModuleDescriptor<
  M extends ModuleManifest = ModuleManifest,
  R extends readonly RecordTypeDescriptor[] = readonly RecordTypeDescriptor[],
> {
  readonly id: M['id'];
  /** French name of the module. */
  readonly label: string;
  readonly manifest: M;
  /** Descriptors of the manifest's record types, in the same order. */
  readonly records: R;
  readonly scope: ScopeRule;
  readonly reference: readonly ReferenceKind[];
  readonly indicators: readonly IndicatorTable[];
}
