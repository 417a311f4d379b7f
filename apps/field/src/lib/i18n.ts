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

/** Marks around every string of the pseudo-locale: text on screen without them is not from a catalogue. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

function pseudo(value: unknown): unknown {
  if (typeof value === 'string') return `${PSEUDO_OPEN}${value}${PSEUDO_CLOSE}`;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
  return value;
}

/**
 * Adds `lng` (default `qps`), every French string wrapped in ⟦ ⟧, and returns its code: a screen
 * rendered in it shows any text that did not come through the catalogue — what a Bambara catalogue
 * could not translate. For tests; no user ever sees it.
 */
export function addPseudoLocale(lng = 'qps'): string {
  const fr = resources()['fr'] ?? {};
  for (const [ns, content] of Object.entries(fr)) i18n.addResourceBundle(lng, ns, pseudo(content));
  return lng;
}
