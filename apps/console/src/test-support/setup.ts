import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/console/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// jsdom has no layout: scrolling is a no-op.
window.scrollTo = () => undefined;
