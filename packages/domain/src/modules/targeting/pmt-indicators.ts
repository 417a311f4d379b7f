import type { AnyRecordData } from '../module-descriptor';
import { memberAge } from '../ciblage/ciblage-roster-rules';
import type { IndicatorSource, MemberWhere, PmtIndicator } from './pmt-formula';

// The value of one PMT indicator for one ciblage household, read from its answers. `undefined` means
// the answer the indicator needs is missing: the scoring decides what that means (pmt-score.ts).

type Member = Readonly<Record<string, unknown>>;

const DISABLED_LEVELS = new Set(['beaucoup', 'impossible']);

function answerAt(record: AnyRecordData, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function membersOf(record: AnyRecordData): Member[] {
  const members = record['members'];
  return Array.isArray(members)
    ? members.filter((m): m is Member => typeof m === 'object' && m !== null)
    : [];
}

function isDisabled(member: Member): boolean | undefined {
  const d = member['disability'];
  if (typeof d !== 'object' || d === null) return undefined;
  return Object.values(d).some((level) => typeof level === 'string' && DISABLED_LEVELS.has(level));
}

/** Whether a member matches; undefined when an answer the condition needs is missing. */
function memberMatches(
  member: Member,
  where: MemberWhere,
  interviewDate: string | undefined,
): boolean | undefined {
  if (where.ageMin !== undefined || where.ageMax !== undefined) {
    const age = memberAge(member, interviewDate);
    if (age === undefined) return undefined;
    if (where.ageMin !== undefined && age < where.ageMin) return false;
    if (where.ageMax !== undefined && age > where.ageMax) return false;
  }
  const checks: (boolean | undefined)[] = [];
  if (where.sex !== undefined) checks.push(equalOrMissing(member['sex'], where.sex));
  if (where.disabled !== undefined) {
    const disabled = isDisabled(member);
    checks.push(disabled === undefined ? undefined : disabled === where.disabled);
  }
  if (where.chronicIllness !== undefined)
    checks.push(equalOrMissing(member['chronicIllness'], where.chronicIllness));
  if (where.literate !== undefined) checks.push(equalOrMissing(member['literate'], where.literate));
  // Education and activity are asked by age: a member too young to be asked simply does not match.
  if (where.highestLevelIn !== undefined)
    checks.push(where.highestLevelIn.includes(String(member['highestLevel'])));
  if (where.mainActivityIn !== undefined)
    checks.push(where.mainActivityIn.includes(String(member['mainActivity'])));
  if (checks.includes(false)) return false;
  return checks.includes(undefined) ? undefined : true;
}

function equalOrMissing(value: unknown, expected: unknown): boolean | undefined {
  return value === undefined ? undefined : value === expected;
}

function sourceValue(source: IndicatorSource, record: AnyRecordData): number | undefined {
  const members = membersOf(record);
  switch (source.kind) {
    case 'householdSize':
      return members.length > 0 ? members.length : undefined;
    case 'members': {
      if (members.length === 0) return undefined;
      const interviewDate =
        typeof record['interviewDate'] === 'string' ? record['interviewDate'] : undefined;
      let count = 0;
      for (const m of members) {
        const matches = memberMatches(m, source.where, interviewDate);
        if (matches === undefined) return undefined;
        if (matches) count++;
      }
      return source.share ? count / members.length : count;
    }
    case 'head': {
      const head = members.find((m) => m['relationToHead'] === 'chef');
      const value = head?.[source.field];
      if (value === undefined) return undefined;
      return (source.in as readonly unknown[]).includes(value) ? 1 : 0;
    }
    case 'answerIn': {
      const value = answerAt(record, source.path);
      if (value === undefined) return undefined;
      return (source.in as readonly unknown[]).includes(value) ? 1 : 0;
    }
    case 'number': {
      const value = answerAt(record, source.path);
      if (typeof value !== 'number') return undefined;
      return source.max !== undefined ? Math.min(value, source.max) : value;
    }
    case 'weightedSum': {
      let sum = 0;
      for (const term of source.terms) {
        const value = answerAt(record, term.path);
        if (typeof value !== 'number') return undefined;
        sum += term.weight * value;
      }
      return sum;
    }
  }
}

/** An indicator's value for a household, transformed; undefined when its answers are missing. */
export function indicatorValue(indicator: PmtIndicator, record: AnyRecordData): number | undefined {
  const raw = sourceValue(indicator.source, record);
  if (raw === undefined) return undefined;
  switch (indicator.transform ?? 'none') {
    case 'none':
      return raw;
    case 'log':
      return Math.log(Math.max(raw, 1));
    case 'log1p':
      return Math.log1p(Math.max(raw, 0));
    case 'perCapita': {
      const size = membersOf(record).length;
      return size > 0 ? raw / size : undefined;
    }
  }
}
