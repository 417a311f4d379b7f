import type { ReactNode } from 'react';

/**
 * A boxed message; `role=alert` for errors so screen readers and tests find it at once. `live={false}`
 * draws it without a live role (a value still being typed); the role is given once the value is
 * complete. Not remounted then: replacing the box under a tap that is leaving the field made the tap
 * miss the button below it (the PNP « Terminer cet enfant »).
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
