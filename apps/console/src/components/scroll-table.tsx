import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that may be wider than the screen: the box scrolls sideways, and it is a named region in
 * the tab order so a keyboard user can reach it and scroll it with the arrow keys (a mouse-only
 * scrollbar otherwise hides columns from them).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className="sup-table-wrap"
      role="region"
      aria-label={t('tableRegion', { name: label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
