/**
 * Folds French text for matching: lower case, accents removed (é→e, ç→c, œ→oe), every
 * apostrophe or punctuation mark a space. Documents and queries go through the same fold,
 * so matching is accent-insensitive on every engine whatever its collation.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a search query worth looking up: folded, at least 2 characters, at most 12 of them. */
export function queryTerms(query: string): string[] {
  const seen = new Set<string>();
  for (const word of foldText(query).split(' ')) {
    if (word.length >= 2 && seen.size < 12) seen.add(word);
  }
  return [...seen];
}
