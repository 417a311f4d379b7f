import { labelledEnum } from '../../common/labelled-enum';

// Option lists of the ciblage questionnaire. Codes are stored; labels shown.

/**
 * The outcome of a visit. Anything but `complete` is a failed visit: it records who was visited and
 * why nothing was asked, needs no other section, and the dashboard counts it apart from the surveys.
 */
export const interviewResult = labelledEnum({
  complete: 'Entretien réalisé',
  absent: 'Ménage absent',
  refus: 'Refus',
  demenage: 'Ménage déménagé',
  logement_vide: 'Logement vide',
  menage_introuvable: 'Ménage introuvable',
});
export const headIdType = labelledEnum({
  nina: 'NINA',
  cni_biometrique: 'CNI biométrique',
  carte_electeur: 'Carte d’électeur',
  acte_naissance: 'Acte de naissance',
  jugement_suppletif: 'Jugement supplétif',
  carte_consulaire: 'Carte consulaire',
  aucune: 'Aucune',
});
export const residenceStatus = labelledEnum({
  resident: 'Résident',
  pdi: 'Déplacé interne (PDI)',
  retourne: 'Retourné',
  refugie: 'Réfugié',
});
export const relationToHead = labelledEnum({
  chef: 'Chef de ménage',
  conjoint: 'Conjoint(e)',
  enfant: 'Fils / fille',
  petit_enfant: 'Petit-enfant',
  parent: 'Père / mère',
  frere_soeur: 'Frère / sœur',
  neveu_niece: 'Neveu / nièce',
  autre_parent: 'Autre parent',
  domestique: 'Domestique',
  sans_lien: 'Sans lien',
});
export { dobPrecision } from '../../common/dob-precision';
export const maritalStatus = labelledEnum({
  celibataire: 'Célibataire',
  marie_monogame: 'Marié(e) monogame',
  marie_polygame: 'Marié(e) polygame',
  divorce: 'Divorcé(e)',
  veuf: 'Veuf / veuve',
  union_libre: 'Union libre',
});
/** Washington Group short set answer. "Disabled" = at least one domain at `beaucoup` or worse. */
export const wgDifficulty = labelledEnum({
  aucune: 'Aucune difficulté',
  quelque: 'Quelque difficulté',
  beaucoup: 'Beaucoup de difficulté',
  impossible: 'Ne peut pas du tout',
});
export const schoolAttendance = labelledEnum({
  non: 'Non',
  classique: 'École classique',
  medersa: 'Médersa',
  coranique: 'École coranique',
  alphabetisation: 'Alphabétisation',
});
export const educationLevel = labelledEnum({
  aucun: 'Aucun',
  primaire_1: 'Primaire 1er cycle',
  fondamental_2: '2nd cycle (fondamental)',
  secondaire: 'Secondaire',
  superieur: 'Supérieur',
  coranique: 'Coranique seulement',
});
export const mainActivity = labelledEnum({
  agriculture: 'Agriculture',
  elevage: 'Élevage',
  peche: 'Pêche',
  commerce: 'Commerce',
  artisanat: 'Artisanat',
  salarie: 'Salarié',
  orpaillage: 'Orpaillage',
  aide_familial: 'Aide familial',
  eleve: 'Élève',
  sans_emploi: 'Sans emploi',
  inactif: 'Inactif',
});
export const occupancy = labelledEnum({
  proprietaire: 'Propriétaire',
  locataire: 'Locataire',
  loge_gratuitement: 'Logé gratuitement',
  autre: 'Autre',
});
export const wallMaterial = labelledEnum({
  banco: 'Banco (terre)',
  banco_ameliore: 'Banco amélioré / crépi ciment',
  pierre: 'Pierre',
  ciment_brique: 'Ciment / brique cuite',
  seko: 'Paille / tige / nattes (seko)',
  tole_planches: 'Tôle / planches',
  autre: 'Autre',
});
export const roofMaterial = labelledEnum({
  paille: 'Paille / chaume',
  terre: 'Terre / banco (terrasse)',
  tole: 'Tôle',
  beton: 'Béton / dalle',
  tuiles: 'Tuiles',
  bache: 'Bâche / plastique',
  autre: 'Autre',
});
export const floorMaterial = labelledEnum({
  terre: 'Terre / sable',
  ciment: 'Ciment',
  carreaux: 'Carreaux',
  bouse: 'Bouse',
  autre: 'Autre',
});
export const waterSource = labelledEnum({
  robinet: 'Robinet intérieur / cour',
  borne_fontaine: 'Borne-fontaine',
  forage: 'Forage / pompe manuelle',
  puits_protege: 'Puits protégé',
  puits_non_protege: 'Puits non protégé',
  source: 'Source',
  eau_surface: 'Eau de surface (fleuve, mare, marigot)',
  citerne: 'Camion / charrette-citerne',
  eau_pluie: 'Eau de pluie',
  autre: 'Autre',
});
export const toiletType = labelledEnum({
  chasse: 'Chasse / WC',
  latrine_ventilee: 'Latrine améliorée ventilée',
  latrine_dalle: 'Latrine à dalle',
  latrine_sans_dalle: 'Latrine sans dalle / trou ouvert',
  latrine_partagee: 'Latrine partagée',
  nature: 'Nature (aucune)',
});
export const lightingSource = labelledEnum({
  edm: 'Électricité réseau (EDM)',
  solaire: 'Solaire (panneau / kit)',
  torche: 'Lampe torche / pile',
  petrole: 'Lampe à pétrole',
  bougie: 'Bougie',
  bois: 'Bois',
  groupe: 'Groupe électrogène',
  aucune: 'Aucune',
});
export const cookingFuel = labelledEnum({
  bois_ramasse: 'Bois ramassé',
  bois_achete: 'Bois acheté',
  charbon: 'Charbon de bois',
  gaz: 'Gaz',
  residus: 'Résidus / bouse',
  electricite: 'Électricité',
  aucune: 'Aucune',
});
export const landTenure = labelledEnum({
  coutumier: 'Propriétaire coutumier',
  emprunt: 'Emprunt',
  location: 'Location',
  metayage: 'Métayage',
});
export const shockType = labelledEnum({
  secheresse: 'Sécheresse',
  inondation: 'Inondation',
  insecurite: 'Insécurité / déplacement',
  perte_betail: 'Perte de bétail',
  deces_soutien: 'Décès du soutien',
  maladie: 'Maladie',
});
export const otherProgram = labelledEnum({ pam: 'PAM', csa: 'CSA', ong: 'ONG', autre: 'Autre' });
export const gpsUnavailableReason = labelledEnum({
  refus: 'Refusé par le ménage',
  pas_de_signal: 'Pas de signal',
  appareil: 'Appareil sans GPS / en panne',
});
