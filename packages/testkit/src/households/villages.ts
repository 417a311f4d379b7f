/** A village the generated households live in, with its own enumerator and tablet. */
export interface GeneratedVillage {
  id: string;
  name: string;
  communeCode: string;
  /** Three letters of the cercle and the village, for household codes (`KOR-DIO-…`). */
  codePrefix: string;
  /** Centre of the village, for GPS points. */
  lat: number;
  lon: number;
}

// Chefs-lieux of real communes of the programme's regions (Mopti: Koro, Bankass, Bandiagara;
// Ségou: San, Tominian). Commune codes exist in @jigi/domain's admin list (a test checks it), so a
// server that checks zones accepts them; coordinates are rough, enough for plausible GPS points.
export const generatedVillages: readonly GeneratedVillage[] = [
  {
    id: 'village-koro-dioungani',
    name: 'Dioungani',
    communeCode: 'mopti.koro.dioungani',
    codePrefix: 'KOR-DIO',
    lat: 14.21,
    lon: -2.55,
  },
  {
    id: 'village-koro-madougou',
    name: 'Madougou',
    communeCode: 'mopti.koro.madougou',
    codePrefix: 'KOR-MAD',
    lat: 14.02,
    lon: -2.78,
  },
  {
    id: 'village-koro-bondo',
    name: 'Bondo',
    communeCode: 'mopti.koro.bondo',
    codePrefix: 'KOR-BON',
    lat: 14.29,
    lon: -3.02,
  },
  {
    id: 'village-bankass-segue',
    name: 'Ségué',
    communeCode: 'mopti.bankass.segue',
    codePrefix: 'BAN-SEG',
    lat: 14.01,
    lon: -3.41,
  },
  {
    id: 'village-bankass-diallassagou',
    name: 'Diallassagou',
    communeCode: 'mopti.bankass.diallassagou',
    codePrefix: 'BAN-DIA',
    lat: 14.18,
    lon: -3.63,
  },
  {
    id: 'village-bankass-sokoura',
    name: 'Sokoura',
    communeCode: 'mopti.bankass.sokoura',
    codePrefix: 'BAN-SOK',
    lat: 14.05,
    lon: -3.72,
  },
  {
    id: 'village-bandiagara-sangha',
    name: 'Sangha',
    communeCode: 'mopti.bandiagara.sangha',
    codePrefix: 'BDG-SAN',
    lat: 14.47,
    lon: -3.31,
  },
  {
    id: 'village-bankass-kani-bonzon',
    name: 'Kani-Bonzon',
    communeCode: 'mopti.bankass.kani-bonzon',
    codePrefix: 'BAN-KAN',
    lat: 14.36,
    lon: -3.55,
  },
  {
    id: 'village-san-niasso',
    name: 'Niasso',
    communeCode: 'segou.san.niasso',
    codePrefix: 'SAN-NIA',
    lat: 13.37,
    lon: -4.66,
  },
  {
    id: 'village-tominian-mandiakuy',
    name: 'Mandiakuy',
    communeCode: 'segou.tominian.mandiakuy',
    codePrefix: 'TOM-MAN',
    lat: 13.08,
    lon: -4.21,
  },
  {
    id: 'village-tominian-fangasso',
    name: 'Fangasso',
    communeCode: 'segou.tominian.fangasso',
    codePrefix: 'TOM-FAN',
    lat: 13.31,
    lon: -4.07,
  },
  {
    id: 'village-koro-dinangourou',
    name: 'Dinangourou',
    communeCode: 'mopti.koro.dinangourou',
    codePrefix: 'KOR-DIN',
    lat: 14.46,
    lon: -2.25,
  },
];
