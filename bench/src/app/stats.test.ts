import { describe, expect, it } from 'vitest';
import { atMost, formatValue, median, meets, targetRow, targetText } from './stats';

describe('median', () => {
  it('takes the middle sample of an odd count, whatever the order', () => {
    expect(median([900, 120, 130, 4000, 125])).toBe(130);
  });
  it('averages the two middle samples of an even count', () => {
    expect(median([10, 40, 20, 30])).toBe(25);
  });
  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => median([])).toThrow('median of no samples');
  });
});

describe('targets', () => {
  it('meets a maximum at or under the limit only', () => {
    expect(meets(200, atMost(200, 'KB'))).toBe(true);
    expect(meets(200.4, atMost(200, 'KB'))).toBe(false);
  });
  it('meets a minimum at or over the limit only', () => {
    expect(meets(5, { kind: 'min', limit: 5, unit: '×' })).toBe(true);
    expect(meets(4.9, { kind: 'min', limit: 5, unit: '×' })).toBe(false);
  });
  it('says nothing when no figure or no target', () => {
    expect(meets(null, atMost(1500, 'ms'))).toBeNull();
    expect(meets(12, undefined)).toBeNull();
  });
  it('writes the target as the issue does', () => {
    expect(targetText(atMost(1500, 'ms'))).toBe('≤ 1,500 ms');
  });
  it('builds a row whose verdict follows the figure', () => {
    expect(targetRow('search', 140, 'ms', atMost(100, 'ms'), 'slow render')).toEqual({
      metric: 'search',
      value: 140,
      unit: 'ms',
      target: '≤ 100 ms',
      met: false,
      note: 'slow render',
    });
    expect(targetRow('records/s', 812, 'records/s')).toEqual({
      metric: 'records/s',
      value: 812,
      unit: 'records/s',
      target: '—',
      met: null,
    });
  });
});

describe('formatValue', () => {
  it('keeps one decimal under 100 and none above, with separators', () => {
    expect(formatValue(61.04)).toBe('61.0');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(12_345.6)).toBe('12,346');
    expect(formatValue(null)).toBe('—');
  });
});
