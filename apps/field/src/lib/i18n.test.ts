import { afterEach, describe, expect, it } from 'vitest';
import { availableLanguages, i18n } from './i18n';

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

describe('i18n catalogue', () => {
  it('loads every feature’s French catalogue from src/locales/fr', () => {
    expect(availableLanguages).toContain('fr');
    for (const ns of [
      'common',
      'auth',
      'home',
      'ciblage',
      'ma',
      'pnp',
      'himo',
      'corrections',
      'history',
    ])
      expect(i18n.hasResourceBundle('fr', ns)).toBe(true);
    expect(i18n.t('nav.history')).toBe('Historique');
  });

  it('a partial translation (as a translator would add locales/bm/) falls back to French key by key', async () => {
    i18n.addResourceBundle('bm', 'common', { nav: { history: 'Tariku' } });
    await i18n.changeLanguage('bm');
    expect(i18n.t('nav.history')).toBe('Tariku');
    expect(i18n.t('nav.lock')).toBe('Verrouiller');
  });

  it('French plurals: 0 and 1 are singular', () => {
    expect(i18n.t('statusBar.unsynced', { count: 0 })).toBe('0 fiche non synchronisée');
    expect(i18n.t('statusBar.unsynced', { count: 2 })).toBe('2 fiches non synchronisées');
  });
});
