import type { TFunction } from 'i18next';
import { matchPath } from '../../lib/router';
import type { Screen, Section } from '../../app/screen';

// The administrators' screens (issue 15, item 3) plug in here: their menu entries and the screen of
// each path under /admin. The console shows them to admins only; the server refuses them to others.

export function adminSections(t: TFunction): Section[] {
  return [{ id: 'admin', label: t('admin:nav.home'), to: '/admin' }];
}

export function adminScreen(path: string, t: TFunction): Screen | null {
  if (matchPath('/admin', path))
    return { section: 'admin', title: t('admin:title'), body: <p>{t('admin:intro')}</p> };
  return null;
}
