import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { AuditScreen } from './audit-screen';
import { QuarantineScreen } from './quarantine-screen';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/admin/users', {
    body: {
      rows: [
        {
          id: 'user-admin',
          login: 'admin',
          name: 'Fatoumata Coulibaly',
          role: 'admin',
          zones: [],
          active: true,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      total: 1,
    },
  });
});

describe('audit log screen', () => {
  it('lists entries in French and filters by person, action and days', async () => {
    api.on('GET /api/admin/audit', {
      body: {
        rows: [
          {
            id: 7,
            at: '2026-03-15T10:00:00.000Z',
            userId: 'user-admin',
            userName: 'Fatoumata Coulibaly',
            action: 'device.revoke',
            entity: 'device',
            entityId: 'd-1',
            details: null,
          },
        ],
        total: 1,
        actions: ['device.revoke', 'user.create'],
      },
    });
    renderScreen(<AuditScreen />, { path: '/admin/audit', user: admin });
    const row = await screen.findByTestId('audit-row');
    expect(row).toHaveTextContent('15/03/2026 10:00');
    expect(row).toHaveTextContent('Tablette révoquée');
    await userEvent.selectOptions(await screen.findByLabelText('Personne'), 'user-admin');
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'user.create');
    await userEvent.type(screen.getByLabelText('Du'), '01/03/2026');
    const last = api.callsTo('GET', '/api/admin/audit').at(-1);
    expect(Object.fromEntries(last?.query ?? [])).toMatchObject({
      userId: 'user-admin',
      action: 'user.create',
      from: '2026-03-01',
    });
  });
});

describe('quarantine screen', () => {
  it('says what was refused, why and from which tablet', async () => {
    api.on('GET /api/admin/quarantine', {
      body: {
        rows: [
          {
            id: 1,
            receivedAt: '2026-03-15T10:00:00.000Z',
            deviceId: 'd-1',
            deviceName: 'Tablette de Awa Traoré n° 1',
            userName: 'Awa Traoré',
            mutationId: 12,
            batchNumber: 3,
            reasonCode: 'forbidden',
            reason: 'Le village village-gao-demo-1 est hors de vos zones.',
            recordType: 'ciblage_household',
            recordId: 'r-1',
            input: {},
          },
        ],
        total: 1,
      },
    });
    renderScreen(<QuarantineScreen />, { path: '/admin/quarantine', user: admin });
    const row = await screen.findByTestId('quarantine-row');
    expect(row).toHaveTextContent('Tablette de Awa Traoré n° 1');
    expect(row).toHaveTextContent(
      'Hors des zones ou du rôle — Le village village-gao-demo-1 est hors de vos zones.',
    );
    expect(row).toHaveTextContent('Modification n° 12');
    await userEvent.selectOptions(screen.getByLabelText('Raison'), 'validation_failed');
    expect(api.callsTo('GET', '/api/admin/quarantine').at(-1)?.query.get('reasonCode')).toBe(
      'validation_failed',
    );
  });
});
