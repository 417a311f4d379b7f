import { recordTypeDescriptor } from '@jigi/domain';

// The record view follows the form's own sections (the domain's layout of the type, the order an agent
// filled them in), by top-level field, after the envelope: who captured it, where, on which tablet,
// when. Any field not listed still shows, under « Autres champs »: nothing stored is hidden from review.

export type LayoutSection = { id: string; fields: readonly string[] };

const envelope: LayoutSection = {
  id: 'envelope',
  fields: ['villageId', 'agentId', 'deviceId', 'capturedAt'],
};

const hidden = new Set(['id', 'type', 'schemaVersion']);

/** Sections of a record type with the record's leftover fields appended. */
export function layoutOf(type: string, data: Readonly<Record<string, unknown>>): LayoutSection[] {
  const shown = new Set(envelope.fields);
  const sections = [
    envelope,
    ...(recordTypeDescriptor(type)?.sections ?? []).map((s) => ({
      id: s.id,
      fields: s.fields.filter((f) => !shown.has(f)),
    })),
  ];
  const listed = new Set(sections.flatMap((s) => s.fields));
  const rest = Object.keys(data).filter((k) => !listed.has(k) && !hidden.has(k));
  return rest.length > 0 ? [...sections, { id: 'other', fields: rest }] : sections;
}
