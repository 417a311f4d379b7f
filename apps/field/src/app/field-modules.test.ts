import {
  modules,
  modulesCapturedBy,
  recordSearchWords,
  recordTypeDescriptor,
  searchKey,
} from '@jigi/domain';
import {
  buildCiblageHousehold,
  buildHimoAttendance,
  buildHimoPayment,
  buildHimoWorker,
  buildMaSession,
  buildPnpEnrolment,
} from '@jigi/domain/testing';
import { describe, expect, it } from 'vitest';
import { assemblyForm } from '../features/assembly/assembly-form';
import { ciblageForm } from '../features/ciblage/ciblage-form';
import { sheetForm } from '../features/himo/sheet-form';
import { workerForm } from '../features/himo/worker-form';
import { maForm } from '../features/ma/ma-form';
import { pnpForm } from '../features/pnp/pnp-form';
import { i18n } from '../lib/i18n';
import { searchTextOf } from '../storage/search-text';
import { recordScreenOf, typesWithForms } from './record-screens';
import { fieldModules } from './field-modules';

const forms = [ciblageForm, assemblyForm, maForm, pnpForm, workerForm, sheetForm];
const known = (key: string) => i18n.exists(key, { lng: 'fr' });

describe('the tablet’s modules', () => {
  it('gives every module of the registry its screens, and a form to each type it captures but payments', () => {
    expect(Object.keys(fieldModules)).toEqual(modules.map((m) => m.id));
    expect(typesWithForms).toEqual([
      'ciblage_household',
      'assembly_validation',
      'ma_session',
      'pnp_enrolment',
      'himo_worker',
      'himo_attendance',
    ]);
    expect(recordScreenOf('himo_attendance')?.path).toBe('/himo/sheet');
    expect(recordScreenOf('himo_payment')).toBeUndefined();
  });

  it('gives each role the tiles of the modules it captures, in the registry’s order', () => {
    const tiles = (role: string) =>
      modulesCapturedBy(role).flatMap((id) => fieldModules[id].tiles.map((t) => t.to));
    expect(tiles('enumerator')).toEqual(['/ciblage/new', '/ciblage']);
    expect(tiles('facilitator')).toEqual(['/assembly', '/ma/new', '/ma']);
    expect(tiles('field_agent')).toEqual(['/pnp/new', '/pnp', '/himo']);
    expect(tiles('supervisor')).toEqual([]);
  });

  it('has a screen for every section of each form’s layout, and each form is its type’s screen', () => {
    for (const spec of forms) {
      expect(Object.keys(spec.sections)).toEqual(
        recordTypeDescriptor(spec.recordType)?.sections.map((s) => s.id),
      );
      expect(recordScreenOf(spec.recordType)).toBeDefined();
    }
    expect(forms.map((f) => f.recordType)).toEqual(typesWithForms);
  });

  it('finds every name it shows in the French catalogue', () => {
    const keys = [
      ...typesWithForms.map((type) => recordScreenOf(type)?.label ?? type),
      ...Object.values(fieldModules).flatMap((m) =>
        m.tiles.flatMap((t) => [t.title, ...(t.hint ? [t.hint] : [])]),
      ),
      ...forms.flatMap((spec) => {
        const sections = recordTypeDescriptor(spec.recordType)?.sections ?? [];
        return [
          `${spec.ns}:${spec.title}`,
          ...(sections.length > 1 ? sections.map((s) => `${spec.ns}:sections.${s.id}`) : []),
        ];
      }),
    ];
    expect(keys.filter((k) => !known(k))).toEqual([]);
    expect(known('ciblage:nope')).toBe(false);
  });

  it('stores the search text of a record as its type’s search fields in the domain', () => {
    for (const record of [
      buildCiblageHousehold(),
      buildMaSession(),
      buildPnpEnrolment(),
      buildHimoWorker(),
      buildHimoAttendance(),
      buildHimoPayment(),
    ])
      expect(searchTextOf(record), record.type).toBe(
        searchKey(recordSearchWords(record).join(' ')),
      );
  });
});
