import { userRoles, type UserRole } from '@jigi/sync';
import type { AdminUser, AdminVillage, Zone } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { apiErrorText } from '../../components/api-error-text';
import { useSupervisorT } from '../../lib/i18n';
import type { ApiError } from '../../api/http';
import { createUser, updateUser } from './admin-api';
import { SelectField } from './admin-list';
import { ZonePicker } from './zone-picker';

/** A new account (login, password), or an existing one's name, role and zones. */
export function AccountForm({
  user,
  villages,
  onSaved,
  onCancel,
}: {
  user?: AdminUser;
  villages: readonly AdminVillage[];
  onSaved: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const sup = useSupervisorT().t;
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<UserRole>(user?.role ?? 'enumerator');
  const [zones, setZones] = useState<Zone[]>(user?.zones ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const needsZones = role !== 'admin' && zones.length === 0;
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const codes = zones.map((z) => z.code);
    const result =
      user === undefined
        ? await createUser({ login, name, role, zones: codes, password })
        : await updateUser(user.id, { name, role, zones: codes });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };
  return (
    <form
      className="stack"
      aria-label={
        user === undefined ? t('accounts.new') : t('accounts.editOf', { name: user.name })
      }
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      <h2>{user === undefined ? t('accounts.new') : t('accounts.editOf', { name: user.name })}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('accounts.name')}</label>
        <input
          id={`${id}-name`}
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
      </div>
      {user === undefined && (
        <>
          <div className="field">
            <label htmlFor={`${id}-login`}>{t('accounts.login')}</label>
            <input
              id={`${id}-login`}
              required
              autoComplete="off"
              value={login}
              onChange={(e) => {
                setLogin(e.target.value);
              }}
            />
            <small>{t('accounts.loginHelp')}</small>
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('accounts.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              required
              minLength={8}
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
            />
            <small>{t('accounts.passwordHelp')}</small>
          </div>
        </>
      )}
      <SelectField
        label={t('accounts.role')}
        value={role}
        options={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(v) => {
          setRole(v as UserRole);
        }}
      />
      {role !== 'admin' && <ZonePicker zones={zones} onChange={setZones} villages={villages} />}
      {needsZones && <Notice tone="warning">{t('accounts.zonesNeeded')}</Notice>}
      {error !== null && (
        <Notice tone="error">
          {error.kind === 'http' && error.status < 500 ? error.message : apiErrorText(error, sup)}
        </Notice>
      )}
      <div className="row">
        <Button type="submit" variant="primary" disabled={busy || needsZones}>
          {user === undefined ? t('accounts.create') : t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
