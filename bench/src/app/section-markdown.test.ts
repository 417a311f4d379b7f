import { describe, expect, it } from 'vitest';
import { sectionMarkdown } from './section-markdown';
import { atMost, targetRow } from './stats';

describe('sectionMarkdown', () => {
  it('prints one line per row with the verdict, and the methods below', () => {
    const md = sectionMarkdown(
      'The app in Chromium (§3)',
      [
        targetRow('app shell JS, gzip -9', 180.25, 'KB', atMost(200, 'KB')),
        targetRow('cold start', 1830, 'ms', atMost(1500, 'ms'), 'index chunk | 430 KB'),
      ],
      ['Shell: what the page requested.'],
    );
    const lines = md.split('\n');
    expect(lines[0]).toBe('## The app in Chromium (§3)');
    expect(md).toMatch(/\| app shell JS, gzip -9 \| 180 +\| KB +\| ≤ 200 KB +\| yes +\|/);
    expect(md).toMatch(
      /\| cold start +\| 1,830 +\| ms +\| ≤ 1,500 ms +\| \*\*no\*\* \| index chunk \\\| 430 KB \|/,
    );
    expect(md).toContain('- Shell: what the page requested.');
  });

  it('shows a dash for a figure that could not be measured', () => {
    const md = sectionMarkdown(
      'x',
      [targetRow('Lighthouse score', null, '/100', atMost(100, '/100'), 'Chromium did not start')],
      [],
    );
    expect(md).toMatch(
      /\| Lighthouse score \| — +\| \/100 \| ≤ 100 \/100 \| — +\| Chromium did not start \|/,
    );
  });
});
