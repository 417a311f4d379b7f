import type { ReactNode } from 'react';

/**
 * A boxed message; `role=alert` for errors so screen readers and tests find it at once. `live={false}`
 * draws it without announcing it (a value still being typed); remount it (a `key`) when it becomes live
 * so it is announced as it appears.
 */
export function Notice({
  tone,
  children,
  live = true,
}: {
  tone: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
  live?: boolean;
}) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${tone}`} role={live ? role : undefined}>
      {children}
    </div>
  );
}
