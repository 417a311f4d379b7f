import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every string the user reads comes from src/locales/<language>/<feature>.json. A translator adds a
// language by adding a folder (e.g. locales/bm/) with the same files: it is picked up here with no code
// change. Missing keys fall back to French.
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

export const availableLanguages = Object.keys(resources());

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
