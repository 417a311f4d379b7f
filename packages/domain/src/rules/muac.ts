import type { MuacThresholds } from '../settings/program-settings';

/** Physical range of a MUAC tape reading; outside it the number is a typing error. */
export const MUAC_PHYSICAL_MIN_MM = 70;
export const MUAC_PHYSICAL_MAX_MM = 250;
/** Plausible range; readings outside are asked to be re-measured and confirmed. */
export const MUAC_CONFIRM_BELOW_MM = 90;
export const MUAC_CONFIRM_ABOVE_MM = 200;

/** The same ranges for an adult woman's arm (the child ranges would flag every healthy woman). */
export const WOMAN_MUAC_PHYSICAL_MIN_MM = 120;
export const WOMAN_MUAC_PHYSICAL_MAX_MM = 450;
export const WOMAN_MUAC_CONFIRM_BELOW_MM = 160;
export const WOMAN_MUAC_CONFIRM_ABOVE_MM = 380;

/** Ranges of a MUAC reading for one kind of person. */
export type MuacRanges = {
  physicalMin: number;
  physicalMax: number;
  confirmBelow: number;
  confirmAbove: number;
};
export const childMuacRanges: MuacRanges = {
  physicalMin: MUAC_PHYSICAL_MIN_MM,
  physicalMax: MUAC_PHYSICAL_MAX_MM,
  confirmBelow: MUAC_CONFIRM_BELOW_MM,
  confirmAbove: MUAC_CONFIRM_ABOVE_MM,
};
export const womanMuacRanges: MuacRanges = {
  physicalMin: WOMAN_MUAC_PHYSICAL_MIN_MM,
  physicalMax: WOMAN_MUAC_PHYSICAL_MAX_MM,
  confirmBelow: WOMAN_MUAC_CONFIRM_BELOW_MM,
  confirmAbove: WOMAN_MUAC_CONFIRM_ABOVE_MM,
};

/**
 * Whether a typed MUAC is a reading at all: a whole number of mm a tape can show. Nothing is derived
 * from anything else (no colour, no alert): 11,5 (typed in cm) or 9999 get the rules' error instead.
 */
export function isMuacReading(mm: unknown, ranges: MuacRanges): mm is number {
  return (
    typeof mm === 'number' &&
    Number.isInteger(mm) &&
    mm >= ranges.physicalMin &&
    mm <= ranges.physicalMax
  );
}

export const muacColours = ['red', 'yellow', 'green'] as const;
export type MuacColour = (typeof muacColours)[number];
/** French names of the colours. */
export const muacColourLabels = {
  red: 'Rouge',
  yellow: 'Jaune',
  green: 'Vert',
} as const satisfies Record<MuacColour, string>;

/**
 * Colour of a child's MUAC with the program thresholds (default: red < 115, yellow 115–124, green ≥ 125).
 * Derived, never typed in or stored.
 */
export function muacColour(
  mm: number,
  thresholds: Pick<MuacThresholds, 'childRedBelowMm' | 'childYellowBelowMm'>,
): MuacColour {
  if (mm < thresholds.childRedBelowMm) return 'red';
  if (mm < thresholds.childYellowBelowMm) return 'yellow';
  return 'green';
}
