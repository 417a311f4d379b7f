import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

// A tiny hash router. Why not react-router: the app has ~20 flat routes with at most one parameter,
// hash URLs need no server fallback and are always served from the precached index.html, and this is
// ~1 KB instead of ~20 KB gzipped on a 2 GB tablet over 2G. Paths look like `#/ciblage/<id>`.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

/** The current path (`/` when there is no hash). Re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}

/** `/ciblage/:id` against `/ciblage/42` → `{ id: '42' }`; `undefined` when it does not match. */
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

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a {...rest} href={`#${to}`}>
      {children}
    </a>
  );
}
