import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

// Every string the console shows comes from src/locales/<language>/<namespace>.json. A translator
// adds a language by adding a folder (e.g. locales/bm/) with the same files; missing keys fall back
// to French.
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});

function resources(): Resource {
  const out: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const [, lng, ns] = match;
    out[lng] = { ...(out[lng] ?? {}), [ns]: content };
  }
  return out;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: 'fr',
  fallbackLng: 'fr',
  defaultNS: 'common',
  ns: [...new Set(Object.keys(files).map((p) => /\/([^/]+)\.json$/.exec(p)?.[1] ?? 'common'))],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

/** `t` of the supervisor screens' namespace (`locales/fr/supervisor.json`). */
export function useSupervisorT() {
  return useTranslation('supervisor');
}
