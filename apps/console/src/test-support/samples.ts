import type { BatchListRow as Batch, RecordDetailResponse as RecordDetail } from '@jigi/contract';
import { buildCiblageHousehold, buildMember, sampleIds } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';

/** A field-captured name that must stay text everywhere in the console. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export const RECEIVED_AT = '2026-03-15T10:12:00.000Z';

/** The record type of the samples: a ciblage household, as the domain's builder makes it. */
const SAMPLE_TYPE = buildCiblageHousehold().type;

export function batchRow(overrides: Partial<Batch> = {}): Batch {
  return {
    number: 7,
    batchId: '11111111-1111-4111-8111-111111111111',
    deviceId: 'device-tab-01',
    deviceLabel: 'Tablette Koro 1',
    userId: 'user-enq-koro',
    userName: 'Awa Traoré',
    receivedAt: RECEIVED_AT,
    clientTime: RECEIVED_AT,
    clockOffsetMs: 0,
    counts: { [SAMPLE_TYPE]: 2 },
    villages: ['village-koro-demo-1'],
    statusCounts: { received: 2 },
    ...overrides,
  };
}

export function ciblageData(overrides: Record<string, unknown> = {}): JsonObject {
  return JSON.parse(JSON.stringify({ ...buildCiblageHousehold(), ...overrides })) as JsonObject;
}

/** A record detail: v1 created by the tablet, v2 changed the head's first name (with a warning). */
export function recordDetail(overrides: Partial<RecordDetail['record']> = {}): RecordDetail {
  const v1 = ciblageData();
  const data = ciblageData({
    members: [
      buildMember({
        id: sampleIds.head,
        memberNo: 1,
        firstName: HOSTILE_NAME,
        lastName: 'Guindo',
        sex: 'M',
        relationToHead: 'chef',
        ageYears: 45,
      }),
      buildMember(),
    ],
  });
  return {
    record: {
      id: sampleIds.household,
      type: SAMPLE_TYPE,
      villageId: 'village-koro-demo-1',
      version: 2,
      data,
      reviewStatus: 'received',
      warnings: [
        {
          path: `members.${sampleIds.head}.ageYears`,
          rule: 'ciblage.head_age_check',
          severity: 'warning',
          message: 'Âge du chef de ménage : vérifiez (45 ans).',
        },
      ],
      createdBy: 'user-enq-koro',
      createdByName: 'Awa Traoré',
      deviceId: 'device-tab-01',
      createdAt: '2026-03-15T09:40:00.000Z',
      updatedAt: RECEIVED_AT,
      deleted: false,
      fieldVersions: {},
      ...overrides,
    },
    versions: [
      {
        recordId: sampleIds.household,
        version: 1,
        mutationId: 1,
        op: 'create',
        changes: v1,
        overwritten: null,
        actor: 'device-tab-01',
        userId: 'user-enq-koro',
        deviceId: 'device-tab-01',
        deviceLabel: 'Tablette Koro 1',
        serverTime: '2026-03-15T09:40:00.000Z',
        clientTime: '2026-03-15T09:30:00.000Z',
      },
      {
        recordId: sampleIds.household,
        version: 2,
        mutationId: 2,
        op: 'patch',
        changes: {
          [`members.${sampleIds.head}.firstName`]: HOSTILE_NAME,
          [`members.${sampleIds.child}`]: null,
        },
        overwritten: null,
        actor: 'device-tab-01',
        userId: 'user-enq-koro',
        deviceId: 'device-tab-01',
        deviceLabel: 'Tablette Koro 1',
        serverTime: RECEIVED_AT,
        clientTime: '2026-03-15T10:05:00.000Z',
      },
    ],
    decisions: [],
    openConflictPaths: [],
    openTasks: [],
  };
}
