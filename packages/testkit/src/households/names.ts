// Names as enumerators type them: French colonial spellings beside Bambara/Dogon/Fulfulde
// orthography with ɛ ɔ ɲ ŋ, apostrophes and hyphens — the characters that break naive
// normalisation, sorting and byte counting, so fixtures must carry them.

/** Men's first names. */
export const maleFirstNames = [
  'Amadou', 'Boubacar', 'Oumar', 'Moussa', 'Seydou', 'Mamadou', 'Ibrahim', 'Yacouba', 'Hamidou', 'Issa',
  'Sɛku', 'Bakɔrɔba', 'Ɲamakɔrɔ', 'Sungalo', 'Drissa', 'Adama', 'Souleymane', 'Abdoulaye', 'Aliou', 'Ousmane',
  "N'Golo", 'Baïba', 'Kɔnɔba', 'Bɛrɛma', 'Sidiki', 'Lassana', 'Mahamadou', 'Ali-Badara', 'Ŋɔlɔ', 'Hamadoun',
] as const;

/** Women's first names. */
export const femaleFirstNames = [
  'Fatoumata', 'Aminata', 'Aïssata', 'Mariam', 'Kadiatou', 'Oumou', 'Hawa', 'Djénéba', 'Assétou', 'Rokia',
  'Ɲɛlɛ', 'Jɛnɛba', 'Mariamu', 'Sanata', 'Kɔrɔtimi', 'Bintou', 'Salimata', 'Ramata', 'Kadidia', 'Maïmouna',
  'Nana', 'Fanta', 'Awa-Mariam', 'Tènè', 'Sira', 'Ɲuma', 'Maɲan', 'Hadja', 'Coumba', 'Dado', 'Yagaré',
] as const;

/** Family names of the Mopti, Ségou and Tombouctou regions. */
export const lastNames = [
  'Guindo', 'Togo', 'Dolo', 'Ongoïba', 'Kassogué', 'Tapily', 'Saye', 'Tembely', 'Dicko', 'Barry',
  'Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Maïga', 'Touré', 'Cissé', 'Kɔnatɛ', 'Jara',
  'Jabatɛ', 'Tanapo', "N'Diaye", 'Sidibé', 'Bocoum', 'Cissoko', 'Doumbia', 'Ouologuem', 'Karambé', 'Kansaye',
] as const;

/** Nicknames (surnoms) a roster sometimes records. */
export const nicknames = ['Ba', 'Néné', 'Tièkoro', 'Ɲɛnɛ', 'Papa', 'Baba', 'Koro', 'Dogo', 'Nàna', 'Bɔ'] as const;
