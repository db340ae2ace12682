/**
 * Which world region a piece of demo text is about, from the places and peoples it names, so a
 * story about Washington is filed under "Etats Unis" and not under "Asie". The demo's world
 * vocabulary is shared by every region; filing after writing (rather than writing per region)
 * leaves every random draw of the seeder, and so every other article, unchanged.
 */
export type WorldRegion = 'afrique' | 'asie' | 'europe' | 'ameriques' | 'amerique-du-nord' | 'etats-unis' | 'oceanie';

/** The rubric path of each region in the demo tree. */
export const WORLD_REGION_PATHS: Record<WorldRegion, string> = {
  afrique: 'monde/afrique',
  asie: 'monde/asie',
  europe: 'monde/europe',
  ameriques: 'monde/ameriques',
  'amerique-du-nord': 'monde/ameriques/amerique-du-nord',
  'etats-unis': 'monde/ameriques/amerique-du-nord/etats-unis',
  oceanie: 'monde/oceanie',
};

const words = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, 'gu');

// Checked in this order: ties go to the first (a US story that mentions Europe stays American).
const CUES: Array<[WorldRegion, RegExp]> = [
  ['etats-unis', words('Washington|New York|États-Unis|américaine?s?|Maison Blanche')],
  ['amerique-du-nord', words('Canada|canadienne?s?|Mexique|mexicaine?s?')],
  ['ameriques', words('Brésil|brésilienne?s?|Amérique latine|Argentine|Colombie')],
  ['asie', words('Pékin|Tokyo|Inde|Asie|Asie du Sud-Est|Chine|chinoise?s?|japonaise?s?|indienne?s?|Indo-Pacifique')],
  ['oceanie', words('Australie|australienne?s?|Océanie')],
  ['afrique', words('Dakar|Abidjan|Lagos|Nairobi|Addis-Abeba|Sénégal|sénégalaise?s?|Côte d’Ivoire|Afrique|africaine?s?|Sahel|Cédéao|Union africaine')],
  ['europe', words('Bruxelles|Paris|Madrid|Berlin|Londres|Rome|Genève|Espagne|espagnole?s?|Europe|européenne?s?')],
];

/** The region the text names most (the title counting three times), or null when it names none. */
export function worldRegionOf(title: string, standfirst = ''): WorldRegion | null {
  let best: WorldRegion | null = null;
  let bestScore = 0;
  for (const [region, cue] of CUES) {
    const score = 3 * (title.match(cue)?.length ?? 0) + (standfirst.match(cue)?.length ?? 0);
    if (score > bestScore) [best, bestScore] = [region, score];
  }
  return best;
}
