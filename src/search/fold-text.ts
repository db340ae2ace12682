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
