import type { ReviewFilters } from '../api/batches';
import { queryOf } from '../hooks/use-filters';

/** Console paths (under /console/). Filters travel in the query so every screen and export shares them. */
export const consolePaths = {
  batches: (f: ReviewFilters = {}) => `/batches${queryOf(f)}`,
  batch: (n: number, f: ReviewFilters = {}) => `/batches/${String(n)}${queryOf(f)}`,
  record: (id: string, f: ReviewFilters = {}) => `/records/${encodeURIComponent(id)}${queryOf(f)}`,
  conflicts: (f: ReviewFilters = {}) => `/conflicts${queryOf(f)}`,
  duplicates: (f: ReviewFilters = {}) => `/duplicates${queryOf(f)}`,
  dashboard: (f: ReviewFilters = {}) => `/dashboard${queryOf(f)}`,
  exports: (f: ReviewFilters = {}) => `/exports${queryOf(f)}`,
  // Targeting works village by village: the review filters do not apply.
  targeting: (_f: ReviewFilters = {}) => '/targeting',
  // An import concerns one file, not the review filters.
  imports: (_f: ReviewFilters = {}) => '/imports',
};
