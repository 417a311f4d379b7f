/** One pull request as the page's Resource Timing saw it (ms since navigation start). */
export interface PullRequestTiming {
  startTime: number;
  responseEnd: number;
}

export interface PullSplit {
  pages: number;
  /** Σ request start → last byte received: the server and the (loopback) network. */
  networkMs: number;
  /**
   * Σ last byte of page i → request of page i+1 (for the last page: → the sync panel showing the end):
   * the app reading, validating and storing the page (one Dexie transaction with its cursor).
   */
  storeMs: number;
  /** First request → end of the sync on screen. */
  totalMs: number;
  /** The storing time of each page, in pull order: whether it grows with what is already stored. */
  storeGapsMs: number[];
}

/**
 * Splits a pull into network and storage time. The engine asks for the next page only once the
 * previous one is stored, so the gaps between requests are the app's own work on each page.
 */
export function splitPull(requests: readonly PullRequestTiming[], doneAt: number): PullSplit {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error('no pull request was timed');
  if (doneAt < last.responseEnd)
    throw new Error('the sync ended before its last pull answer arrived');
  let networkMs = 0;
  const storeGapsMs = sorted.map((r, i) => {
    networkMs += r.responseEnd - r.startTime;
    const next = sorted[i + 1];
    return (next ? next.startTime : doneAt) - r.responseEnd;
  });
  return {
    pages: sorted.length,
    networkMs,
    storeMs: storeGapsMs.reduce((s, g) => s + g, 0),
    totalMs: doneAt - first.startTime,
    storeGapsMs,
  };
}

/**
 * Mean storing time of the first and of the last `n` pages (fewer when the pull had under 2n pages;
 * the last page, which closes the sync, left out): whether a page costs more as the store fills.
 */
export function gapGrowth(
  storeGapsMs: readonly number[],
  n = 10,
): { pages: number; firstMs: number; lastMs: number } {
  const pages = storeGapsMs.slice(0, -1);
  const k = Math.min(n, Math.floor(pages.length / 2));
  if (k < 1)
    throw new Error(`gap growth needs 2 pages before the last, got ${String(pages.length)}`);
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { pages: k, firstMs: mean(pages.slice(0, k)), lastMs: mean(pages.slice(-k)) };
}
