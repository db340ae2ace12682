import type { Article } from '../../entities/editorial/article.entity';

type Timing = Pick<Article, 'status' | 'publishedAt' | 'embargoUntil' | 'trashedAt'>;

/** When the public may first see an article: its publication time, or the end of its embargo if later; never while in the trash. */
export function publicFrom(article: Timing): Date | null {
  if (article.status !== 'published' || !article.publishedAt || article.trashedAt) return null;
  const embargo = article.embargoUntil;
  return embargo && embargo.getTime() > article.publishedAt.getTime() ? embargo : article.publishedAt;
}

/** The public sees an article only once it is published, its publication time has come and no embargo holds it. */
export function isPubliclyVisible(article: Timing, now: Date): boolean {
  const from = publicFrom(article);
  return from !== null && from.getTime() <= now.getTime();
}

/** Whether the article belongs in the public lists at all (a future time is filtered at read time). */
export function isListed(article: Timing): boolean {
  return publicFrom(article) !== null;
}
