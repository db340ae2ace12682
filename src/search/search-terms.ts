import { FRENCH_STOPWORDS } from './french-stopwords';

/** InnoDB indexes words of 3 to 84 characters (innodb_ft_min/max_token_size defaults); the postings follow it. */
export const MIN_TERM_LENGTH = 3;
export const MAX_TERM_LENGTH = 84;

/**
 * The distinct words of folded texts (see fold-text.ts) that a search can ask for on its own:
 * long enough for InnoDB's index and not a stop word (a query never looks a stop word up
 * beside other words, and a stop-word query scans rows instead). The MySQL postings are
 * built with it: changing the stop list or the lengths means rebuilding them (a migration).
 */
export function searchTerms(...foldedTexts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of foldedTexts) {
    for (const word of text.split(' ')) {
      if (word.length >= MIN_TERM_LENGTH && word.length <= MAX_TERM_LENGTH && !FRENCH_STOPWORDS.has(word)) terms.add(word);
    }
  }
  return [...terms];
}
