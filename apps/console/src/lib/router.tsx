import {
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

// A tiny history router under /console/ (the server answers every /console/* address with the
// console's index.html). Paths inside the app leave out the base: `/batches/12?zone=…` is shown
// as `/console/batches/12?zone=…`. The console's ~15 flat routes need no more than this.

export const BASE = '/console';
const NAVIGATE_EVENT = 'jigi:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The app path with its query (`/batches?zone=ml-koro`); `/` at the console's root. */
export function currentPath(): string {
  const { pathname, search } = window.location;
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return `${inside === '' ? '/' : inside}${search}`;
}

/** The current path and query. Re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/** The address of an app path, as put in links. */
export function hrefOf(path: string): string {
  return `${BASE}${path === '/' ? '/' : path}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', hrefOf(path));
  else window.history.pushState(null, '', hrefOf(path));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** `/records/:id` against `/records/42?zone=x` → `{ id: '42' }`; `undefined` when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] ?? '';
    const seg = s[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return undefined;
  }
  return params;
}

/** A real link (opens in a new tab with a middle click); a plain click navigates in the app. */
export function Link({
  to,
  children,
  onClick,
  ...rest
}: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={hrefOf(to)} onClick={follow}>
      {children}
    </a>
  );
}
