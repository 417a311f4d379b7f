import { formatDateFr } from '../../common/format';
import { ageInMonths } from '../../common/dates';
import type { PnpChild, PnpEnrolment, PnpWoman } from './pnp-enrolment';
import { issue, type Draft, type Issue, type RuleContext } from '../../rules/issue';
import { gpsRules } from '../../rules/location-rules';
import {
  childMuacRanges,
  MUAC_PHYSICAL_MIN_MM,
  muacColour,
  womanMuacRanges,
  type MuacRanges,
} from '../../rules/muac';

/** Children are registered from birth to 59 completed months; MUAC is measured from 6 months. */
export const PNP_CHILD_MAX_MONTHS = 59;
export const PNP_MUAC_FROM_MONTHS = 6;
export const WOMAN_AGE_MIN = 12;
export const WOMAN_AGE_MAX = 55;
export const WOMAN_TYPICAL_MIN = 15;
export const WOMAN_TYPICAL_MAX = 49;

/** Rules of the PNP enrolment. */
export function pnpRules(r: Draft<PnpEnrolment>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (r.visitDate !== undefined && r.visitDate > ctx.today) {
    out.push(
      issue(
        'visitDate',
        'pnp.visit_date_future',
        'error',
        `Date de visite : ne peut pas être après aujourd’hui (${formatDateFr(r.visitDate)} > ${formatDateFr(ctx.today)}).`,
      ),
    );
  }
  if (
    r.children !== undefined &&
    r.women !== undefined &&
    r.children.length === 0 &&
    r.women.length === 0
  ) {
    out.push(
      issue(
        'children',
        'pnp.enrolment_empty',
        'error',
        'Enfants : inscrivez au moins un enfant ou une femme.',
      ),
    );
  }
  out.push(...beneficiaryCodeRules(r, ctx));
  const womanIds = new Set((r.women ?? []).map((w) => w.id));
  for (const c of r.children ?? []) {
    out.push(...childRules(c, r.visitDate, ctx));
    if (c.motherWomanId !== undefined && !womanIds.has(c.motherWomanId)) {
      const who = `enfant ${c.name ?? ''}`.trim();
      out.push(
        issue(
          `children.${c.id ?? '?'}.motherWomanId`,
          'pnp.mother_not_enrolled',
          'error',
          `Mère (${who}) : doit être une femme inscrite sur cette fiche, sinon laissez vide.`,
        ),
      );
    }
  }
  for (const w of r.women ?? []) out.push(...womanRules(w, ctx.settings.muac.womanBelowMm));
  out.push(...gpsRules(r.gps));
  return out;
}

/**
 * The TM beneficiary code, when given, is one of the village's beneficiary households (not free text:
 * a mistyped code links the enrolment to no household, or to another). Checked only where the list is
 * known (the server always knows it; a tablet once it has loaded it).
 */
function beneficiaryCodeRules(r: Draft<PnpEnrolment>, ctx: RuleContext): Issue[] {
  const code = r.household?.householdCode;
  if (code === undefined || ctx.beneficiaryHouseholds === undefined) return [];
  const listed = ctx.beneficiaryHouseholds.some(
    (h) => h.householdCode === code && (r.villageId === undefined || h.villageId === r.villageId),
  );
  if (listed) return [];
  return [
    issue(
      'household.householdCode',
      'pnp.household_not_beneficiary',
      'error',
      `Code du ménage bénéficiaire : « ${code} » n’est pas sur la liste des bénéficiaires du village — choisissez-le dans la liste, ou laissez vide si le ménage n’en est pas.`,
    ),
  ];
}

function muacRangeRules(
  path: string,
  who: string,
  mm: number,
  confirmed: boolean | undefined,
  r: MuacRanges,
): Issue[] {
  if (mm < r.physicalMin || mm > r.physicalMax) {
    return [
      issue(
        path,
        'pnp.muac_physical_range',
        'error',
        `PB (${who}) : ${mm} mm hors de la plage physique ${r.physicalMin}–${r.physicalMax} mm.`,
      ),
    ];
  }
  if ((mm < r.confirmBelow || mm > r.confirmAbove) && confirmed !== true) {
    return [
      issue(
        path,
        'pnp.muac_to_confirm',
        'warning',
        `PB (${who}) : ${mm} mm, hors de ${r.confirmBelow}–${r.confirmAbove} mm — à confirmer (mesurez à nouveau).`,
      ),
    ];
  }
  return [];
}

function childRules(c: Draft<PnpChild>, visitDate: string | undefined, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  const p = `children.${c.id ?? '?'}`;
  const who = `enfant ${c.name ?? ''}`.trim();
  const months =
    c.dob !== undefined && visitDate !== undefined ? ageInMonths(c.dob, visitDate) : undefined;
  if (months !== undefined && months < 0) {
    out.push(
      issue(
        `${p}.dob`,
        'pnp.child_dob_after_visit',
        'error',
        `Date de naissance (${who}) : après la date de visite.`,
      ),
    );
  } else if (months !== undefined && months > PNP_CHILD_MAX_MONTHS) {
    out.push(
      issue(
        `${p}.dob`,
        'pnp.child_age_max',
        'error',
        `Date de naissance (${who}) : ${months} mois à la visite ; le PNP inscrit les enfants de 0 à ${PNP_CHILD_MAX_MONTHS} mois.`,
      ),
    );
  }
  const tooYoung = months !== undefined && months >= 0 && months < PNP_MUAC_FROM_MONTHS;
  if (c.muacMm !== undefined) {
    if (tooYoung) {
      out.push(
        issue(
          `${p}.muacMm`,
          'pnp.muac_under_6_months',
          'error',
          `PB (${who}) : ne se mesure pas avant ${PNP_MUAC_FROM_MONTHS} mois (${months} mois) ; laissez vide.`,
        ),
      );
    } else {
      out.push(...muacRangeRules(`${p}.muacMm`, who, c.muacMm, c.muacConfirmed, childMuacRanges));
    }
  } else if (
    months !== undefined &&
    months >= PNP_MUAC_FROM_MONTHS &&
    months <= PNP_CHILD_MAX_MONTHS
  ) {
    out.push(
      issue(
        `${p}.muacMm`,
        'pnp.muac_missing',
        'warning',
        `PB (${who}) : non mesuré pour un enfant de ${months} mois.`,
      ),
    );
  }
  const red =
    c.muacMm !== undefined &&
    !tooYoung &&
    c.muacMm >= MUAC_PHYSICAL_MIN_MM &&
    muacColour(c.muacMm, ctx.settings.muac) === 'red';
  if ((red || c.oedema === true) && c.referredTo === undefined) {
    const why =
      c.oedema === true ? 'œdèmes' : `PB rouge (< ${ctx.settings.muac.childRedBelowMm} mm)`;
    out.push(
      issue(
        `${p}.referredTo`,
        'pnp.referral_required',
        'error',
        `Référé vers (${who}) : obligatoire en cas de ${why}.`,
      ),
    );
  }
  return out;
}

function womanRules(w: Draft<PnpWoman>, womanBelowMm: number): Issue[] {
  const out: Issue[] = [];
  const p = `women.${w.id ?? '?'}`;
  const who = `femme ${w.name ?? ''}`.trim();
  if (w.age !== undefined) {
    if (w.age < WOMAN_AGE_MIN || w.age > WOMAN_AGE_MAX) {
      out.push(
        issue(
          `${p}.age`,
          'pnp.woman_age_range',
          'error',
          `Âge (${who}) : ${w.age} ans, hors de ${WOMAN_AGE_MIN}–${WOMAN_AGE_MAX} ans.`,
        ),
      );
    } else if (w.age < WOMAN_TYPICAL_MIN || w.age > WOMAN_TYPICAL_MAX) {
      out.push(
        issue(
          `${p}.age`,
          'pnp.woman_age_unusual',
          'warning',
          `Âge (${who}) : ${w.age} ans, hors de ${WOMAN_TYPICAL_MIN}–${WOMAN_TYPICAL_MAX} ans — à vérifier.`,
        ),
      );
    }
  }
  if ((w.status === 'enceinte' || w.status === 'both') && w.pregnancyMonths === undefined) {
    out.push(
      issue(
        `${p}.pregnancyMonths`,
        'pnp.pregnancy_months_missing',
        'warning',
        `Mois de grossesse (${who}) : à renseigner pour une femme enceinte.`,
      ),
    );
  }
  if (w.status === 'allaitante' && w.pregnancyMonths !== undefined) {
    out.push(
      issue(
        `${p}.pregnancyMonths`,
        'pnp.pregnancy_months_not_pregnant',
        'error',
        `Mois de grossesse (${who}) : à laisser vide pour une femme seulement allaitante.`,
      ),
    );
  }
  if (w.muacMm !== undefined) {
    const range = muacRangeRules(`${p}.muacMm`, who, w.muacMm, w.muacConfirmed, womanMuacRanges);
    out.push(...range);
    if (!range.some((i) => i.severity === 'error') && w.muacMm < womanBelowMm) {
      out.push(
        issue(
          `${p}.muacMm`,
          'pnp.woman_muac_low',
          'warning',
          `PB (${who}) : ${w.muacMm} mm, sous le seuil de ${womanBelowMm} mm — malnutrition, à orienter vers le CSCom.`,
        ),
      );
    }
  }
  return out;
}
