import { FRENCH_STOPWORDS } from './french-stopwords';
import { foldText } from './fold-text';

/** Words of a query that are looked up at most: the rest is ignored. */
export const MAX_QUERY_WORDS = 12;
/** A prefix shorter than this would expand to a large share of the vocabulary. */
export const MIN_PREFIX_LENGTH = 3;

/**
 * What a search query asks the index for, after folding. Only letters and digits survive
 * folding, so quotes, `*`, `-`, `^`, `:`, parentheses and SQL punctuation never reach an
 * engine, and operator words (NEAR, OR, AND, NOT) are matched as the plain words they are.
 *
 * - `words`: words every match must contain, exactly.
 * - `prefix`: the last word, matched as a prefix (as-you-type), when it is long enough and not
 *   a stop word; only one word is ever expanded, which bounds the index work.
 * - `common`: the stop words of a query made of nothing else (`de`, `les des`); in a query
 *   with other words they are dropped, as every search engine does, because they neither rank
 *   nor filter anything and cost a scan of nearly every document.
 */
export type SearchQuery = { words: string[]; prefix: string | null; common: string[] };

export function parseSearchQuery(query: string): SearchQuery {
  const seen = new Set<string>();
  for (const word of foldText(query).split(' ')) {
    if (word.length >= 2 && seen.size < MAX_QUERY_WORDS) seen.add(word);
  }
  const all = [...seen];
  const significant = all.filter((w) => !FRENCH_STOPWORDS.has(w));
  if (!significant.length) return { words: [], prefix: null, common: all };
  const last = all[all.length - 1];
  const prefix = last === significant[significant.length - 1] && last.length >= MIN_PREFIX_LENGTH ? last : null;
  return { words: prefix ? significant.slice(0, -1) : significant, prefix, common: [] };
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return !q.words.length && !q.prefix && !q.common.length;
}
