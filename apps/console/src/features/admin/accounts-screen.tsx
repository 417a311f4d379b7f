import { ScrollTable } from '../../components/scroll-table';
import { userRoles } from '@jigi/sync';
import type { AdminUser, AdminVillage, UsersQuery } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ConfirmPanel } from '../../components/confirm-panel';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useUser } from '../../session/session';
import { listUsers, listVillages, updateUser } from './admin-api';
import { AccountForm } from './account-form';
import { Filters, PAGE_SIZE, Pager, SearchField, SelectField, useListFilters } from './admin-list';
import { PasswordReset } from './password-reset';

type Editing = { kind: 'new' } | { kind: 'edit' | 'password' | 'active'; user: AdminUser } | null;

/** Accounts: search, role and state filters, create, edit role and zones, reset, (de)activate. */
export function AccountsScreen() {
  const { t } = useTranslation('admin');
  const me = useUser();
  const { query, offset, setFilter, setOffset } = useListFilters();
  // Values from the address are passed on as they are: the server checks them (400 otherwise).
  const filters = {
    q: query['q'],
    role: query['role'] as UsersQuery['role'],
    active: query['active'] as UsersQuery['active'],
  };
  const users = useRemote(
    (signal) => listUsers({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  const villages = useRemote((signal) => listVillages({ limit: 500 }, signal), 'villages');
  const known: AdminVillage[] = villages.status === 'ready' ? villages.value.rows : [];
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = (message: string) => {
    setEditing(null);
    setDone(message);
    users.reload();
  };
  const toggleActive = async (user: AdminUser) => {
    setBusy(true);
    const result = await updateUser(user.id, { active: !user.active });
    setBusy(false);
    if (result.ok)
      saved(
        t(result.value.active ? 'accounts.reactivated' : 'accounts.deactivated', {
          name: user.name,
        }),
      );
    else setDone(result.error.kind === 'http' ? result.error.message : t('errorGeneric'));
  };
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SearchField
          label={t('accounts.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
        <SelectField
          label={t('accounts.role')}
          value={query['role'] ?? ''}
          allLabel={t('accounts.allRoles')}
          options={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(v) => {
            setFilter('role', v);
          }}
        />
        <SelectField
          label={t('accounts.state')}
          value={query['active'] ?? ''}
          allLabel={t('accounts.allStates')}
          options={[
            { value: 'true', label: t('accounts.active') },
            { value: 'false', label: t('accounts.inactive') },
          ]}
          onChange={(v) => {
            setFilter('active', v);
          }}
        />
      </Filters>
      {done !== null && <Notice tone="success">{done}</Notice>}
      {editing === null && (
        <div>
          <Button
            variant="primary"
            onClick={() => {
              setDone(null);
              setEditing({ kind: 'new' });
            }}
          >
            {t('accounts.new')}
          </Button>
        </div>
      )}
      {editing?.kind === 'new' && (
        <AccountForm
          villages={known}
          onSaved={(u) => {
            saved(t('accounts.created', { name: u.name, login: u.login }));
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'edit' && (
        <AccountForm
          user={editing.user}
          villages={known}
          onSaved={(u) => {
            saved(t('accounts.saved', { name: u.name }));
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'password' && (
        <PasswordReset
          user={editing.user}
          onSaved={() => {
            saved(t('accounts.passwordDone', { name: editing.user.name }));
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'active' && (
        <ConfirmPanel
          title={t(
            editing.user.active ? 'accounts.confirmDeactivate' : 'accounts.confirmReactivate',
            { name: editing.user.name },
          )}
          danger={editing.user.active}
          busy={busy}
          onConfirm={() => {
            void toggleActive(editing.user);
          }}
          onCancel={() => {
            setEditing(null);
          }}
        >
          <p>{t(editing.user.active ? 'accounts.deactivateHelp' : 'accounts.reactivateHelp')}</p>
        </ConfirmPanel>
      )}
      <RemoteView
        remote={users}
        reload={users.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('accounts.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('accounts.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('accounts.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accounts.name')}</th>
                    <th scope="col">{t('accounts.login')}</th>
                    <th scope="col">{t('accounts.role')}</th>
                    <th scope="col">{t('zones.title')}</th>
                    <th scope="col">{t('accounts.state')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((u) => (
                    <tr key={u.id}>
                      <td>{u.name}</td>
                      <td>{u.login}</td>
                      <td>{t(`roles.${u.role}`)}</td>
                      <td>
                        {u.role === 'admin'
                          ? t('zones.all')
                          : u.zones.map((z) => z.label).join(' ; ')}
                      </td>
                      <td>{u.active ? t('accounts.active') : t('accounts.inactive')}</td>
                      <td>
                        <div className="row">
                          <Button
                            className="btn-small"
                            aria-label={t('accounts.editOf', { name: u.name })}
                            onClick={() => {
                              setDone(null);
                              setEditing({ kind: 'edit', user: u });
                            }}
                          >
                            {t('edit')}
                          </Button>
                          <Button
                            className="btn-small"
                            aria-label={t('accounts.resetOf', { name: u.name })}
                            onClick={() => {
                              setDone(null);
                              setEditing({ kind: 'password', user: u });
                            }}
                          >
                            {t('accounts.reset')}
                          </Button>
                          {u.id !== me.id && (
                            <Button
                              className="btn-small"
                              variant={u.active ? 'danger' : 'secondary'}
                              aria-label={t(
                                u.active ? 'accounts.deactivateOf' : 'accounts.reactivateOf',
                                { name: u.name },
                              )}
                              onClick={() => {
                                setDone(null);
                                setEditing({ kind: 'active', user: u });
                              }}
                            >
                              {t(u.active ? 'accounts.deactivate' : 'accounts.reactivate')}
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <Pager offset={offset} total={page.total} onChange={setOffset} />
          </>
        )}
      </RemoteView>
    </div>
  );
}
