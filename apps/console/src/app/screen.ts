import type { ReactNode } from 'react';

/** One entry of the console's menu: its path and its label (already translated). */
export interface Section {
  id: string;
  label: string;
  to: string;
}

/** What a path shows: the menu entry it belongs to, the page title, a way back, the screen. */
export interface Screen {
  section: string;
  title: string;
  back?: string;
  body: ReactNode;
}
