import { pmtFormulaSchema, type PmtFormula } from './pmt-formula';

// The demonstration formula. Its weights are MADE UP: the programme's real coefficients are
// confidential and are uploaded by an administrator. The signs follow the usual PMT (a regression of
// log consumption per person: a larger household and more young children lower it; a tin roof, a
// better water source, assets and livestock raise it), so the demo ranks households plausibly. It is
// marked « démo » wherever it is shown and is never adopted by a real installation's seed.

const tlu = [
  { path: 'livestock.cattle', weight: 0.7 },
  { path: 'livestock.sheep', weight: 0.1 },
  { path: 'livestock.goats', weight: 0.1 },
  { path: 'livestock.camels', weight: 1 },
  { path: 'livestock.donkeys', weight: 0.5 },
  { path: 'livestock.horses', weight: 0.8 },
  { path: 'livestock.poultry', weight: 0.01 },
];

export const demoPmtFormula: PmtFormula = pmtFormulaSchema.parse({
  version: 'demo-1',
  label: 'Formule démo — coefficients fictifs',
  demo: true,
  description:
    'Formule de démonstration : les coefficients sont inventés. Score = estimation du log de la consommation par personne ; le score le plus bas est le ménage le plus pauvre.',
  indicators: [
    {
      id: 'log_taille',
      label: 'Taille du ménage (log)',
      source: { kind: 'householdSize' },
      transform: 'log',
    },
    {
      id: 'enfants_0_5',
      label: 'Part des enfants de 0 à 5 ans',
      source: { kind: 'members', where: { ageMax: 5 }, share: true },
    },
    {
      id: 'chef_femme',
      label: 'Chef de ménage femme',
      source: { kind: 'head', field: 'sex', in: ['F'] },
    },
    {
      id: 'chef_instruit',
      label: 'Chef ayant au moins le primaire',
      source: {
        kind: 'head',
        field: 'highestLevel',
        in: ['primaire_1', 'fondamental_2', 'secondaire', 'superieur'],
      },
      ifMissing: 0,
    },
    {
      id: 'toit_dur',
      label: 'Toit en tôle, béton ou tuiles',
      source: { kind: 'answerIn', path: 'dwelling.roof', in: ['tole', 'beton', 'tuiles'] },
    },
    {
      id: 'eau_amelioree',
      label: 'Eau de boisson améliorée',
      source: {
        kind: 'answerIn',
        path: 'dwelling.water',
        in: ['robinet', 'borne_fontaine', 'forage', 'puits_protege'],
      },
    },
    {
      id: 'eclairage_moderne',
      label: 'Électricité réseau ou solaire',
      source: { kind: 'answerIn', path: 'dwelling.lighting', in: ['edm', 'solaire', 'groupe'] },
    },
    {
      id: 'telephones',
      label: 'Téléphones portables (simples et smartphones)',
      source: {
        kind: 'weightedSum',
        terms: [
          { path: 'assets.phoneBasic', weight: 1 },
          { path: 'assets.phoneSmart', weight: 1.5 },
        ],
      },
      transform: 'log1p',
      ifMissing: 0,
    },
    {
      id: 'moyens_transport',
      label: 'Moto, bicyclette ou charrette',
      source: {
        kind: 'weightedSum',
        terms: [
          { path: 'assets.motorbike', weight: 1 },
          { path: 'assets.bicycle', weight: 0.4 },
          { path: 'assets.cart', weight: 0.6 },
        ],
      },
      transform: 'log1p',
      ifMissing: 0,
    },
    {
      id: 'ubt',
      label: 'Bétail en unités de bétail tropical (UBT)',
      source: { kind: 'weightedSum', terms: tlu },
      transform: 'log1p',
      ifMissing: 0,
    },
    {
      id: 'mois_soudure',
      label: 'Mois de soudure',
      source: { kind: 'number', path: 'foodSecurity.hungerGapMonths', max: 12 },
    },
  ],
  models: [
    {
      zoneType: 'default',
      constant: 12.1,
      coefficients: {
        log_taille: -0.42,
        enfants_0_5: -0.35,
        chef_femme: -0.06,
        chef_instruit: 0.12,
        toit_dur: 0.15,
        eau_amelioree: 0.08,
        eclairage_moderne: 0.1,
        telephones: 0.11,
        moyens_transport: 0.09,
        ubt: 0.14,
        mois_soudure: -0.03,
      },
    },
    {
      zoneType: 'nord',
      constant: 12.0,
      coefficients: {
        log_taille: -0.38,
        enfants_0_5: -0.3,
        chef_femme: -0.05,
        chef_instruit: 0.1,
        toit_dur: 0.05,
        eau_amelioree: 0.12,
        eclairage_moderne: 0.08,
        telephones: 0.1,
        moyens_transport: 0.06,
        ubt: 0.2,
        mois_soudure: -0.04,
      },
    },
  ],
  zones: [
    { areaCode: 'gao', zoneType: 'nord' },
    { areaCode: 'tombouctou', zoneType: 'nord' },
    { areaCode: 'kidal', zoneType: 'nord' },
  ],
});
