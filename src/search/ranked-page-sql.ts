/** What the public may see of an article now (parameters: now, now). */
// The public rule of article-visibility.ts in SQL, less the trash: trashing an article takes it
// out of the search index, so no trashed article is ever a candidate here.
const VISIBLE_ARTICLE = `a.status = 'published' AND a.publishedAt <= ? AND (a.embargoUntil IS NULL OR a.embargoUntil <= ?)`;

/**
 * One page of search results from a subquery of ranked candidates (`id`, `score`): the
 * candidates are joined to their article by primary key (`join` pins that order on each
 * engine), filtered to what the public may see, counted (the window function counts them all
 * before the page is cut, so `totalCount` costs no second search), and cut at the keyset
 * (parameters score, score, id when `keyset`).
 */
export function rankedPageSql(candidates: string, join: 'CROSS JOIN' | 'STRAIGHT_JOIN', keyset: boolean, limit: number): string {
  return `SELECT id, score, total FROM (
      SELECT c.id, c.score, COUNT(*) OVER () AS total FROM (${candidates}) AS c ${join} article a ON a.id = c.id WHERE ${VISIBLE_ARTICLE}
    ) AS visible ${keyset ? 'WHERE score < ? OR (score = ? AND id < ?)' : ''}
    ORDER BY score DESC, id DESC LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/** The number of candidates the public may see (parameters: the candidates', now, now). */
export function rankedCountSql(candidates: string, join: 'CROSS JOIN' | 'STRAIGHT_JOIN'): string {
  return `SELECT COUNT(*) AS n FROM (${candidates}) AS c ${join} article a ON a.id = c.id WHERE ${VISIBLE_ARTICLE}`;
}
