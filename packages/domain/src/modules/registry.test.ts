import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { labelsOfSchema } from '../common/labelled-enum';
import { envelopeShape } from '../common/envelope';
import {
  buildCiblageHousehold,
  buildHimoAttendance,
  buildHimoPayment,
  buildHimoWorker,
  buildMaSession,
  buildPnpEnrolment,
} from '../testing/sample-records';
import { isRecordType, recordTypes } from '../records/field-record';
import {
  moduleIdOfRecordType,
  moduleManifests,
  modulesCapturedBy,
  recordTypesWritableBy,
} from './manifests';
import {
  moduleById,
  moduleOfRecordType,
  modules,
  recordTypeDescriptor,
  recordTypeDescriptors,
} from './registry';
import { sectionShown } from './module-descriptor';
import { unwrapSchema } from './schema-fields';

describe('module registry', () => {
  it('names the same modules and record types as the light manifests, in the same order', () => {
    expect(modules.map((m) => m.id)).toEqual(moduleManifests.map((m) => m.id));
    for (const m of modules) {
      expect(m.manifest).toBe(moduleManifests.find((x) => x.id === m.id));
      expect(m.records.map((r) => r.type)).toEqual([...m.manifest.recordTypes]);
    }
    expect(recordTypeDescriptors.map((d) => d.type)).toEqual([...recordTypes]);
  });

  it('lists the record types devices sync, module by module', () => {
    expect(recordTypes).toEqual([
      'ciblage_household',
      'assembly_validation',
      'ma_session',
      'pnp_enrolment',
      'himo_worker',
      'himo_attendance',
      'himo_payment',
    ]);
    expect(isRecordType('pnp_enrolment')).toBe(true);
    expect(isRecordType('pnp')).toBe(false);
    expect(isRecordType(undefined)).toBe(false);
  });

  it('finds a record type’s module and descriptor', () => {
    expect(moduleIdOfRecordType('himo_attendance')).toBe('himo');
    expect(moduleOfRecordType('ma_session')?.id).toBe('ma');
    expect(moduleOfRecordType('nope')).toBeUndefined();
    expect(recordTypeDescriptor('pnp_enrolment')?.label).toBe('Inscription PNP');
    expect(recordTypeDescriptor('nope')).toBeUndefined();
    expect(moduleById('ciblage').records[0].type).toBe('ciblage_household');
  });

  it('gives each capture role its record types and reviewers every type', () => {
    expect(recordTypesWritableBy('enumerator')).toEqual(['ciblage_household']);
    expect(recordTypesWritableBy('facilitator')).toEqual(['assembly_validation', 'ma_session']);
    expect(recordTypesWritableBy('field_agent')).toEqual([
      'pnp_enrolment',
      'himo_worker',
      'himo_attendance',
      'himo_payment',
    ]);
    expect(recordTypesWritableBy('supervisor')).toEqual([...recordTypes]);
    expect(recordTypesWritableBy('admin')).toEqual([...recordTypes]);
    expect(recordTypesWritableBy('guest')).toEqual([]);
    expect(modulesCapturedBy('field_agent')).toEqual(['pnp', 'himo']);
    expect(modulesCapturedBy('enumerator')).toEqual(['ciblage']);
    expect(modulesCapturedBy('supervisor')).toEqual([]);
  });
});

// Envelope fields a review shows on their own card; every other field belongs to a section.
const envelopeOnly = new Set([...Object.keys(envelopeShape), 'type', 'schemaVersion']);

describe.each(recordTypeDescriptors.map((d) => [d.type, d] as const))('%s descriptor', (_t, d) => {
  const shape = d.schema.shape as Record<string, z.core.$ZodType>;
  const fields = Object.keys(shape);

  it('lays out existing fields, each in one section, and every field outside the envelope', () => {
    const laid = d.sections.flatMap((s) => s.fields);
    expect(laid.filter((f) => !fields.includes(f))).toEqual([]);
    expect(new Set(laid).size).toBe(laid.length);
    expect(fields.filter((f) => !envelopeOnly.has(f) && !laid.includes(f))).toEqual([]);
    expect(new Set(d.sections.map((s) => s.id)).size).toBe(d.sections.length);
  });

  it('names its critical paths from its own fields', () => {
    for (const p of d.criticalPaths) expect(fields).toContain(p.split('.')[0]);
  });

  it('has a French label for the codes of every coded field, with no name meaning two lists', () => {
    const unlabelled: string[] = [];
    const visit = (s: z.core.$ZodType, name: string) => {
      const inner = unwrapSchema(s);
      const def = inner._zod.def;
      if (def.type === 'object')
        for (const [k, c] of Object.entries((def as z.core.$ZodObjectDef).shape)) visit(c, k);
      else if (def.type === 'array') visit((def as z.core.$ZodArrayDef).element, name);
      else if (def.type === 'enum' && !labelsOfSchema(inner)) unlabelled.push(name);
    };
    visit(d.schema, '');
    expect(unlabelled).toEqual([]);
    for (const [name, labels] of Object.entries(d.valueLabels))
      expect(Object.keys(labels).length, name).toBeGreaterThan(0);
  });

  it('exports a record table and one table per keyed list, with French headers', () => {
    const [record, ...children] = d.exports;
    expect(record?.id).toBe('');
    expect(record?.columns.slice(0, 2).map((c) => c.key)).toEqual(['recordId', 'villageId']);
    for (const t of d.exports) {
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
      for (const c of t.columns) expect(c.header, c.key).not.toMatch(/^[a-z]+[A-Z.]/);
    }
    for (const t of children) {
      expect(fields).toContain(t.id);
      expect(record?.columns.some((c) => c.key === t.id || c.key.startsWith(`${t.id}.`))).toBe(
        false,
      );
    }
  });
});

describe('record descriptors in detail', () => {
  it('exports the ciblage roster keyed by household, and codes with their labels', () => {
    const tables = recordTypeDescriptor('ciblage_household')?.exports ?? [];
    expect(tables.map((t) => t.id)).toEqual(['', 'members']);
    const [record, members] = tables;
    expect(members?.parentKey).toBe('householdId');
    expect(members?.columns.slice(0, 3).map((c) => c.key)).toEqual([
      'householdId',
      'villageId',
      'id',
    ]);
    expect(members?.columns.find((c) => c.key === 'disability.seeing')?.header).toBe(
      'Handicap › Difficulté à voir',
    );
    const wall = record?.columns.find((c) => c.key === 'dwelling.wall');
    expect(wall?.header).toBe('Logement › Murs');
    expect(wall?.labels?.['banco']).toBeDefined();
    expect(record?.columns.find((c) => c.key === 'reviewStatus')?.labels?.['returned']).toBe(
      'Renvoyé pour correction',
    );
    expect(record?.columns.map((c) => c.key)).toContain('otherPrograms');
    expect(record?.columns.find((c) => c.key === 'otherPrograms')?.labels).toBeDefined();
  });

  it('exports the PNP children and women, and the MA attendance, keyed by record', () => {
    expect(recordTypeDescriptor('pnp_enrolment')?.exports.map((t) => [t.id, t.parentKey])).toEqual([
      ['', undefined],
      ['children', 'recordId'],
      ['women', 'recordId'],
    ]);
    const ma = recordTypeDescriptor('ma_session')?.exports ?? [];
    expect(ma.map((t) => t.id)).toEqual(['', 'attendance']);
    expect(ma[1]?.columns.map((c) => c.key)).toContain('substitute.name');
    expect(ma[1]?.columns.find((c) => c.key === 'status')?.labels?.['excused']).toBe('Excusé');
    expect(recordTypeDescriptor('himo_payment')?.exports.map((t) => t.id)).toEqual(['']);
    expect(recordTypeDescriptor('himo_worker')?.exports.map((t) => t.id)).toEqual(['']);
    expect(recordTypeDescriptor('himo_attendance')?.exports.map((t) => t.id)).toEqual([
      '',
      'lines',
    ]);
  });

  it('types each export column from its schema: dates, instants, FCFA, numbers, yes/no, lists', () => {
    const kinds = (type: string, table = '') =>
      Object.fromEntries(
        (recordTypeDescriptor(type as 'ciblage_household')?.exports ?? [])
          .find((t) => t.id === table)
          ?.columns.map((c) => [c.key, `${c.kind}${c.many ? '[]' : ''}`]) ?? [],
      );
    expect(kinds('himo_payment')).toMatchObject({
      amountFcfa: 'fcfa',
      dailyWageFcfa: 'fcfa',
      'override.amountFcfa': 'fcfa',
      daysWorked: 'number',
      periodStart: 'date',
      paidDate: 'date',
      receivedAt: 'datetime',
      demo: 'boolean',
      mode: 'text',
    });
    expect(kinds('ciblage_household')).toMatchObject({
      interviewDate: 'date',
      'consent.at': 'datetime',
      'consent.given': 'boolean',
      'dwelling.roomsCount': 'number',
      'foodSecurity.shocks12m': 'text[]',
      headPhone: 'text',
    });
    expect(kinds('ciblage_household', 'members')).toMatchObject({
      householdId: 'text',
      dob: 'date',
      memberNo: 'number',
    });
  });

  it('labels a field by the list of its own record type', () => {
    expect(recordTypeDescriptor('ma_session')?.valueLabels['status']?.['excused']).toBe('Excusé');
    expect(recordTypeDescriptor('himo_attendance')?.valueLabels['status']?.['half_day']).toBe(
      'Demi-journée',
    );
    expect(recordTypeDescriptor('pnp_enrolment')?.valueLabels['status']?.['allaitante']).toBe(
      'Allaitante (enfant < 6 mois)',
    );
    expect(recordTypeDescriptor('himo_worker')?.valueLabels['sex']?.['F']).toBe('Féminin');
  });

  it('titles each record the way field staff know it', () => {
    const title = (r: { type: string } & Record<string, unknown>) =>
      recordTypeDescriptor(r.type)?.title(r);
    expect(title(buildCiblageHousehold())).toEqual({
      title: 'Amadou Guindo',
      subtitle: 'KOR-DIO-001-AK-0001',
      params: { code: 'KOR-DIO-001-AK-0001', head: 'Amadou Guindo' },
    });
    expect(title(buildMaSession())).toEqual({
      title: '12/03/2026',
      subtitle: '',
      params: { date: '12/03/2026', no: '4' },
    });
    expect(title(buildPnpEnrolment())?.title).toBe('Fatoumata Ongoïba');
    expect(title(buildPnpEnrolment())?.subtitle).toBe('KOR-DIO-001-AK-0001');
    expect(title(buildHimoWorker())?.title).toBe('Amadou Guindo');
    expect(title(buildHimoAttendance())?.title).toBe('02/03/2026');
    expect(title(buildHimoPayment())?.params).toEqual({ from: '01/03/2026', to: '14/03/2026' });
    // A draft with nothing filled in yet has an empty title, never an error.
    expect(title({ type: 'ciblage_household', members: [{ relationToHead: 'chef' }] })).toEqual({
      title: '',
      subtitle: '',
      params: { code: '', head: '' },
    });
    expect(title({ type: 'pnp_enrolment', household: 'x' })?.title).toBe('');
  });

  it('shows the roster and later sections only while the interview is completed', () => {
    const sections = recordTypeDescriptor('ciblage_household')?.sections ?? [];
    const shown = (record: Record<string, unknown>) =>
      sections.filter((s) => sectionShown(s, record)).map((s) => s.id);
    expect(shown({ result: 'refused' })).toEqual(['identification', 'consent', 'summary']);
    expect(shown({ result: 'complete' })).toHaveLength(10);
    expect(shown({})).toHaveLength(10);
  });

  it('derives a PNP child’s age in months and MUAC colour, never stored', () => {
    const [age, colour] = recordTypeDescriptor('pnp_enrolment')?.derived['children'] ?? [];
    const settings = { muac: { childRedBelowMm: 115, childYellowBelowMm: 125, womanBelowMm: 230 } };
    const record = { visitDate: '2026-03-13' };
    expect(age?.value({ dob: '2024-09-10' }, record, settings)).toBe(18);
    expect(age?.value({}, record, settings)).toBeUndefined();
    expect(colour?.value({ muacMm: 112 }, record, settings)).toBe('red');
    expect(colour?.value({ muacMm: 120 }, record, settings)).toBe('yellow');
    expect(colour?.labels?.['red']).toBe('Rouge');
    expect(recordTypeDescriptor('ma_session')?.derived).toEqual({});
  });
});
