import { useTranslation } from 'react-i18next';
import { i18n } from '../../lib/i18n';

// The console's strings live beside it (locales/<language>.json) and are added to the app's i18n
// instance when this module loads — that is, with the lazily loaded console, so field tablets never
// download them. A translator adds `locales/bm.json` with the same keys; missing keys fall back to French.
export const SUPERVISOR_NS = 'supervisor';

const files = import.meta.glob<Record<string, unknown>>('./locales/*.json', {
  eager: true,
  import: 'default',
});
for (const [path, content] of Object.entries(files)) {
  const lng = /locales\/([^/]+)\.json$/.exec(path)?.[1];
  if (lng) i18n.addResourceBundle(lng, SUPERVISOR_NS, content, true, true);
}

/** `t` of the console's namespace. */
export function useSupervisorT() {
  return useTranslation(SUPERVISOR_NS);
}
