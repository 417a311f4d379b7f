// The settings' rules said before anything is sent, each with its French sentence in the catalogue
// (settings.rules.*); the server checks the same again with the domain's schema.

export type SettingsDraft = {
  childRedBelowMm: string;
  childYellowBelowMm: string;
  womanBelowMm: string;
  transferAmountFcfa: string;
  himoDefaultDailyWageFcfa: string;
  campaignStart: string;
  campaignEnd: string;
};
export type SettingsProblem = {
  field: keyof SettingsDraft;
  rule: 'range' | 'redBelowYellow' | 'money' | 'campaignOrder' | 'campaignBoth';
  values: Record<string, string | number>;
};

const ranges = {
  childRedBelowMm: [70, 250],
  childYellowBelowMm: [70, 250],
  womanBelowMm: [150, 300],
} as const;

export function settingsProblems(d: SettingsDraft): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  for (const [field, [min, max]] of Object.entries(ranges) as [
    keyof typeof ranges,
    readonly [number, number],
  ][]) {
    const v = Number(d[field]);
    if (d[field].trim() === '' || !Number.isInteger(v) || v < min || v > max)
      out.push({ field, rule: 'range', values: { field, min, max } });
  }
  if (Number(d.childRedBelowMm) >= Number(d.childYellowBelowMm))
    out.push({ field: 'childYellowBelowMm', rule: 'redBelowYellow', values: {} });
  for (const field of ['transferAmountFcfa', 'himoDefaultDailyWageFcfa'] as const) {
    const v = Number(d[field]);
    if (d[field].trim() === '' || !Number.isInteger(v) || v < 0)
      out.push({ field, rule: 'money', values: { field } });
  }
  if ((d.campaignStart === '') !== (d.campaignEnd === ''))
    out.push({ field: 'campaignEnd', rule: 'campaignBoth', values: {} });
  else if (d.campaignStart !== '' && d.campaignEnd < d.campaignStart)
    out.push({ field: 'campaignEnd', rule: 'campaignOrder', values: {} });
  return out;
}
