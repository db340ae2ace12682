import type { Article } from '../../entities/editorial/article.entity';

/** The public sees an article only once it is published and its publication time has come. */
export function isPubliclyVisible(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}

/** Whether the article belongs in the public lists at all (a future publication time is filtered at read time). */
export function isListed(article: Pick<Article, 'status' | 'publishedAt'>): boolean {
  return article.status === 'published' && article.publishedAt !== null;
}
