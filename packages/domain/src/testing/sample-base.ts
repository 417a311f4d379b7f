// Shared pieces of the sample builders: deterministic ids, the envelope, the override merge.

/** Overrides of a builder: a key set to `undefined` removes that optional field. */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

/** Shallow merge of overrides over a sample; `undefined` removes the key (exactOptionalPropertyTypes). */
export function merge<T extends object>(base: T, overrides: Overrides<T>): T {
  const out: Record<string, unknown> = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) Reflect.deleteProperty(out, k);
  return out as T;
}

/** The « today » of every sample. */
export const SAMPLE_TODAY = '2026-03-15';

/** A valid, deterministic UUID v4 for `n` (`sampleId(1)` = `00000000-0000-4000-8000-000000000001`). */
export function sampleId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Well-known ids used by the samples, so tests can refer to them. */
export const sampleIds = {
  village: 'village-koro-demo-1',
  agent: 'user-enq-koro',
  device: 'device-tab-01',
  household: sampleId(100),
  head: sampleId(101),
  spouse: sampleId(102),
  child: sampleId(103),
  beneficiaryHousehold: sampleId(200),
  beneficiaryHousehold2: sampleId(201),
  pnpChild: sampleId(300),
  pnpWoman: sampleId(301),
  microproject: sampleId(400),
  worker: sampleId(401),
} as const;

/** Envelope fields of every sample record. */
export const envelopeFields = {
  villageId: sampleIds.village,
  agentId: sampleIds.agent,
  deviceId: sampleIds.device,
  capturedAt: `${SAMPLE_TODAY}T09:30:00.000Z`,
};
