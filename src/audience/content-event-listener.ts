import type { ContentEvent, ContentEventSource } from '../events/content-events';
import type { DataSource } from 'typeorm';
import { dropArticleViews } from './article-purge';
import { ChangeKind, hidesArticle, type ArticleChangeLog } from './article-change-log';
import type { ArticleMetaRefresher } from './article-meta-refresher';
import type { RankingCache } from './ranking-cache';

const KIND: Partial<Record<ContentEvent['type'], ChangeKind>> = {
  'article.created': ChangeKind.Created,
  'article.updated': ChangeKind.Updated,
  'article.published': ChangeKind.Published,
  'article.unpublished': ChangeKind.Unpublished,
  'article.trashed': ChangeKind.Trashed,
  'article.restored': ChangeKind.Updated,
  'article.deleted': ChangeKind.Deleted,
};

/**
 * Feeds the change log and the editorial facts from content events. The change is written
 * before the listener returns (the editor's request waits a few milliseconds for it), so a
 * change acknowledged to an editor is in the feed; the facts are refreshed in the background.
 *
 * Events come from editorial's outbox through a durable subscription: each is applied once,
 * its change and its consumed mark in one transaction. Rankings do not depend on it: views
 * of an article refresh its facts anyway.
 */
export function listenToContentEvents(
  rt: { meta: ArticleMetaRefresher; changes: ArticleChangeLog; dataSource: DataSource; rankings: RankingCache },
  bus: ContentEventSource,
  /** Every event this process hears: other instances' rankings must drop a hidden article too. */
  local?: ContentEventSource,
): () => void {
  const stopLocal =
    local?.subscribe((event) => {
      const kind = KIND[event.type];
      if (kind && hidesArticle(kind)) rt.rankings.invalidate();
    }) ?? (() => undefined);
  const stopDurable = bus.subscribe(async (event, delivery) => {
    if (event.type === 'rubric.changed') return rt.meta.rubricChanged(event.rubricId);
    const kind = KIND[event.type];
    if (!kind || !('articleId' in event)) return;
    // The change and the event's consumed mark commit together: a redelivery is skipped here.
    if ((await rt.changes.record(event.articleId, kind, new Date(), delivery?.claim)) === null) return;
    // Purged for good: the tombstone stays in the feed, the article's views go.
    if (kind === ChangeKind.Deleted) await dropArticleViews(rt, event.articleId);
    else rt.meta.enqueue([event.articleId]);
  });
  return () => {
    stopLocal();
    stopDurable();
  };
}
