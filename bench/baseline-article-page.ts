import type { DataSource } from 'typeorm';
import { ListingKind } from '../entities/editorial/article-listing.entity';
import type { Media } from '../entities/editorial/media.entity';
import { placeholders, readDate, sqlDate } from '../src/db/sql-values';
import type { BodyBlock } from '../src/editorial/body-blocks';
import { mediaRendition } from '../src/editorial/media-renditions';
import { absoluteUrl, articlePath, authorPath, shareLinks, tagPath } from '../src/editorial/public-paths';
import { readingMinutes } from '../src/editorial/reading-time';
import { encodeCursor } from '../src/graphql/connection';
import { breadcrumb, type BaselineSql } from './baseline-sql';

const COMMENT_PAGE = 10;
const REPLIES_SHOWN = 5;
const RELATED = 4;
/** As ArticleReadService.related: at most 8 tags (weight 2) and the rubric (weight 1), 20 candidates each. */
const RELATED_TAGS = 8;
const CANDIDATES = 20;

type ArticleRow = {
  id: number; title: string; slug: string; kicker: string | null; standfirst: string | null; status: string; language: string;
  primaryRubricId: number; wordCount: number; metaTitle: string | null; metaDescription: string | null; canonicalUrl: string | null;
  publishedAt: string | Date | null; updatedAt: string | Date; embargoUntil: string | Date | null; trashedAt: string | Date | null;
  body: string | BodyBlock[] | null;
  mId: number | null; storageKey: string; altText: string | null; credit: string | null; caption: string | null;
  width: number; height: number; focalX: number; focalY: number;
};
/** Bylines (k 0), corrections (k 1) and body images (k 2) of one article, in one statement. */
type ExtraRow = { k: number; pos: number; id: number; s1: string | null; s2: string | null; w: number | null; h: number | null; fx: number | null; fy: number | null; at: string | Date | null };
/** Roots (lvl 0), their first replies (lvl 1) and thread counters (lvl 2: likeCount = approved count, createdAt = closedAt). */
type CommentRow = {
  lvl: number; id: number; parentId: number | null; authorUserId: number | null; guestName: string | null; body: string | null;
  status: string | null; likeCount: number; replyCount: number | null; createdAt: string | Date | null;
};

const ARTICLE_SQL = `SELECT a.id, a.title, a.slug, a.kicker, a.standfirst, a.status, a.language, a.primaryRubricId, a.wordCount,
  a.metaTitle, a.metaDescription, a.canonicalUrl, a.publishedAt, a.updatedAt, a.embargoUntil, a.trashedAt, b.body,
  m.id AS mId, m.storageKey, m.altText, m.credit, m.caption, m.width, m.height, m.focalX, m.focalY
  FROM article a LEFT JOIN article_body b ON b.articleId = a.id LEFT JOIN media m ON m.id = a.heroImageId WHERE a.slug = ?`;
const TAGS_SQL = `SELECT t.id, t.name, t.slug FROM article a JOIN article_tag x ON x.articleId = a.id JOIN tag t ON t.id = x.tagId
  WHERE a.slug = ? ORDER BY x.tagId`;
const extrasSql = (images: number) =>
  `SELECT 0 AS k, b.position AS pos, b.authorId AS id, au.name AS s1, au.slug AS s2, NULL AS w, NULL AS h, NULL AS fx, NULL AS fy, NULL AS at
   FROM article_byline b JOIN author au ON au.id = b.authorId WHERE b.articleId = ?
   UNION ALL SELECT 1, 0, c.id, c.text, NULL, NULL, NULL, NULL, NULL, c.createdAt FROM article_correction c WHERE c.articleId = ?` +
  (images ? ` UNION ALL SELECT 2, 0, m.id, m.storageKey, m.altText, m.width, m.height, m.focalX, m.focalY, NULL FROM media m WHERE m.id IN (${placeholders(images)})` : '');
const listsSql = (lists: number) =>
  Array.from(
    { length: lists },
    (_, i) => `SELECT * FROM (SELECT ${i} AS q, articleId, publishedAt FROM article_listing WHERE kind = ? AND refId = ? AND publishedAt <= ? AND articleId <> ? ORDER BY publishedAt DESC, articleId DESC LIMIT ${CANDIDATES}) AS t${i}`,
  ).join(' UNION ALL ');
// What an anonymous reader sees of a thread (comment-policy.ts): approved comments, and roots
// whose content is hidden while they anchor approved replies; with the counters of the threads
// of the article and of its related articles. The replies of the roots shown follow, one index
// range scan per root. (Roots and replies in one statement, through a CTE, cost MariaDB 6 ms.)
const COMMENT_COLUMNS = 'c.id, c.parentId, c.authorUserId, c.guestName, c.body, c.status, c.likeCount, c.replyCount, c.createdAt';
const rootsSql = (threads: number) =>
  `SELECT * FROM (SELECT 0 AS lvl, ${COMMENT_COLUMNS} FROM comment c
    WHERE c.articleId = ? AND c.parentId IS NULL AND (c.status = 'approved' OR c.replyCount > 0)
    ORDER BY c.createdAt DESC, c.id DESC LIMIT ${COMMENT_PAGE + 1}) AS r
  UNION ALL SELECT 2, t.articleId, NULL, NULL, NULL, NULL, NULL, t.approvedCount, NULL, t.closedAt FROM comment_thread t
    WHERE t.articleId IN (${placeholders(threads)})`;
const repliesSql = (roots: number) =>
  Array.from(
    { length: roots },
    (_, k) => `SELECT * FROM (SELECT 1 AS lvl, ${COMMENT_COLUMNS} FROM comment c WHERE c.parentId = ? AND c.status = 'approved'
      ORDER BY c.createdAt, c.id LIMIT ${REPLIES_SHOWN}) AS t${k}`,
  ).join(' UNION ALL ');

const iso = (v: string | Date) => readDate(v).toISOString();
const parseBody = (body: ArticleRow['body']): BodyBlock[] => (typeof body === 'string' ? JSON.parse(body) : body) ?? [];

/**
 * The article page of ARTICLE_PAGE_QUERY by hand, across the four subgraphs' databases,
 * each statement straight on the driver: the rubric tree, the article with its body and
 * hero image, its tags; then its bylines, corrections and body images (one statement), the
 * related candidates, its view count; then its thread's roots with the related articles'
 * comment counts (one statement) and the replies shown (one, when there are roots), the
 * related cards (two), and the names of signed-in commenters when there are any: nine or ten
 * statements for a page without signed-in commenters.
 */
export class BaselineArticlePage {
  private readonly discussion: BaselineSql;
  private readonly audience: BaselineSql;
  private readonly accounts: BaselineSql;

  constructor(
    private readonly sql: BaselineSql,
    dataSources: Map<string, DataSource>,
  ) {
    // One counter for every database, so SQL/request is the page's total.
    this.discussion = sql.on(dataSources.get('discussion')!);
    this.audience = sql.on(dataSources.get('audience')!);
    this.accounts = sql.on(dataSources.get('accounts')!);
  }

  async render(slug: string): Promise<unknown> {
    const now = new Date();
    const [tree, [a], tags] = await Promise.all([
      this.sql.rubricTree(),
      this.sql.query<ArticleRow>(ARTICLE_SQL, [slug]),
      this.sql.query<{ id: number; name: string; slug: string }>(TAGS_SQL, [slug]),
    ]);
    // Old slugs and editors' previews are not benchmarked: the public page of a current slug only.
    if (!a || !visible(a, now)) return { data: { article: null } };
    const id = Number(a.id);
    const blocks = parseBody(a.body);
    const imageIds = [...new Set(blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
    const keys = [...tags.slice(0, RELATED_TAGS).map((t) => [ListingKind.Tag, Number(t.id), 2]), [ListingKind.Rubric, Number(a.primaryRubricId), 1]];
    const at = sqlDate(this.sql.ds, now);
    const [extras, lists, views] = await Promise.all([
      this.sql.query<ExtraRow>(extrasSql(imageIds.length), [id, id, ...imageIds]),
      this.sql.query<{ q: number; articleId: number; publishedAt: string | Date }>(listsSql(keys.length), keys.flatMap(([kind, ref]) => [kind, ref, at, id])),
      this.audience.query<{ views: number | string }>('SELECT views FROM article_view_total WHERE articleId = ?', [id]),
    ]);
    const relatedIds = rankRelated(lists, keys);
    const [comments, cards] = await Promise.all([this.comments(id, relatedIds), this.sql.cards(relatedIds, tree, now)]);
    const threads = new Map<number, CommentRow>();
    const roots: CommentRow[] = [];
    const replies = new Map<number, CommentRow[]>();
    for (const c of comments) {
      if (c.lvl === 2) threads.set(Number(c.id), c);
      else if (c.lvl === 0) roots.push(c);
      else {
        const list = replies.get(Number(c.parentId)) ?? [];
        list.push(c);
        replies.set(Number(c.parentId), list);
      }
    }
    const userIds = [...new Set(comments.filter((c) => c.lvl < 2 && c.authorUserId !== null && c.status === 'approved').map((c) => Number(c.authorUserId)))];
    const names = new Map<number, string>();
    if (userIds.length) {
      const users = await this.accounts.query<{ id: number; displayName: string }>(`SELECT id, displayName FROM user_account WHERE id IN (${placeholders(userIds.length)})`, userIds);
      for (const u of users) names.set(Number(u.id), u.displayName);
    }
    const media = new Map<number, Media>();
    const bylines: Array<{ name: string; path: string }> = [];
    const corrections: Array<{ text: string; createdAt: string; at: number; id: number }> = [];
    const byPosition = extras.filter((e) => e.k === 0).sort((x, y) => x.pos - y.pos || x.id - y.id);
    for (const e of byPosition) bylines.push({ name: e.s1!, path: authorPath(e.s2!) });
    for (const e of extras) {
      if (e.k === 1) corrections.push({ text: e.s1!, createdAt: iso(e.at!), at: readDate(e.at!).getTime(), id: Number(e.id) });
      else if (e.k === 2) media.set(Number(e.id), { storageKey: e.s1!, altText: e.s2, width: Number(e.w), height: Number(e.h), focalX: this.sql.float(e.fx), focalY: this.sql.float(e.fy) } as Media);
    }
    corrections.sort((x, y) => x.at - y.at || x.id - y.id);
    sortRoots(roots);
    for (const list of replies.values()) list.sort((x, y) => readDate(x.createdAt!).getTime() - readDate(y.createdAt!).getTime() || Number(x.id) - Number(y.id));
    const rubric = tree.get(Number(a.primaryRubricId));
    const path = articlePath(rubric?.path ?? 'articles', a.slug);
    const url = absoluteUrl(path);
    const hero = a.mId ? ({ storageKey: a.storageKey, width: Number(a.width), height: Number(a.height), focalX: this.sql.float(a.focalX), focalY: this.sql.float(a.focalY) } as Media) : null;
    const heroRendition = hero ? mediaRendition(hero, 'hero') : null;
    const thread = threads.get(id);
    const page = roots.slice(0, COMMENT_PAGE);
    const edges = page.map((c) => ({
      cursor: encodeCursor([readDate(c.createdAt!).getTime(), Number(c.id)]),
      node: comment(c, names, (replies.get(Number(c.id)) ?? []).map((r) => comment(r, names, null))),
    }));
    return {
      data: {
        article: {
          id: String(id), title: a.title, kicker: a.kicker, standfirst: a.standfirst,
          publishedAt: a.publishedAt ? iso(a.publishedAt) : null, updatedAt: iso(a.updatedAt),
          path, canonicalUrl: a.canonicalUrl || url, language: a.language,
          seo: { metaTitle: a.metaTitle || a.title, metaDescription: a.metaDescription || a.standfirst || a.title },
          shareLinks: shareLinks(url, a.title),
          heroImage: hero
            ? { altText: a.altText, credit: a.credit, caption: a.caption, rendition: { url: heroRendition!.url, width: heroRendition!.width, height: heroRendition!.height } }
            : null,
          body: blocks.map((b) => bodyBlock(b, media)),
          breadcrumb: breadcrumb(tree, Number(a.primaryRubricId)),
          authors: bylines,
          tags: tags.map((t) => ({ name: t.name, path: tagPath(t.slug) })),
          corrections: corrections.map((c) => ({ text: c.text, createdAt: c.createdAt })),
          readingTime: { label: `${readingMinutes(Number(a.wordCount))} min` },
          viewCount: views.length ? Number(views[0].views) : 0,
          commentCount: thread ? Number(thread.likeCount) : 0,
          commentsOpen: !thread?.createdAt,
          comments: {
            pageInfo: { hasNextPage: roots.length > COMMENT_PAGE, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
            edges: edges.map((e) => ({ node: e.node })),
          },
          related: relatedIds.flatMap((rid) => {
            const card = cards.get(rid);
            return card ? [{ ...card, commentCount: threads.has(rid) ? Number(threads.get(rid)!.likeCount) : 0 }] : [];
          }),
        },
      },
    };
  }

  /** Roots and thread counters (one statement), then the replies of the roots shown (one more, when there are roots). */
  private async comments(id: number, relatedIds: number[]): Promise<CommentRow[]> {
    const rows = await this.discussion.query<CommentRow>(rootsSql(1 + relatedIds.length), [id, id, ...relatedIds]);
    const shown = rows.filter((r) => r.lvl === 0);
    sortRoots(shown);
    const ids = shown.slice(0, COMMENT_PAGE).map((r) => Number(r.id));
    return ids.length ? [...rows, ...(await this.discussion.query<CommentRow>(repliesSql(ids.length), ids))] : rows;
  }
}

function visible(a: ArticleRow, now: Date): boolean {
  if (a.status !== 'published' || !a.publishedAt || a.trashedAt) return false;
  const published = readDate(a.publishedAt).getTime();
  const embargo = a.embargoUntil ? readDate(a.embargoUntil).getTime() : 0;
  return Math.max(published, embargo) <= now.getTime();
}

/** ArticleReadService.related: tags weigh 2, the rubric 1; then newest first, then highest id. */
function rankRelated(lists: Array<{ q: number; articleId: number; publishedAt: string | Date }>, keys: number[][]): number[] {
  const score = new Map<number, { score: number; at: number }>();
  for (const row of lists) {
    const id = Number(row.articleId);
    const s = score.get(id) ?? { score: 0, at: readDate(row.publishedAt).getTime() };
    s.score += keys[Number(row.q)][2];
    score.set(id, s);
  }
  return [...score.entries()]
    .sort((x, y) => y[1].score - x[1].score || y[1].at - x[1].at || y[0] - x[0])
    .slice(0, RELATED)
    .map(([rid]) => rid);
}

function sortRoots(roots: CommentRow[]): void {
  const key = (c: CommentRow) => readDate(c.createdAt!).getTime();
  roots.sort((x, y) => key(y) - key(x) || Number(y.id) - Number(x.id));
}

/**
 * A comment as an anonymous reader sees it (comment-policy.ts): content only when approved.
 * A root (with `replies`) also carries its reply count; keys in the query's order.
 */
function comment(c: CommentRow, names: Map<number, string>, replies: unknown[] | null): Record<string, unknown> {
  const readable = c.status === 'approved';
  const name = readable && c.authorUserId !== null ? names.get(Number(c.authorUserId)) : undefined;
  const out: Record<string, unknown> = { id: String(c.id), body: readable ? c.body : null, createdAt: iso(c.createdAt!), likeCount: Number(c.likeCount) };
  if (replies) out.replyCount = Number(c.replyCount);
  out.removed = !readable;
  out.author = name === undefined ? null : { displayName: name };
  out.guestName = readable ? c.guestName : null;
  if (replies) out.replies = { nodes: replies };
  return out;
}

function bodyBlock(b: BodyBlock, media: Map<number, Media>): Record<string, unknown> {
  switch (b.type) {
    case 'paragraph':
      return { __typename: 'ParagraphBlock', text: b.text };
    case 'heading':
      return { __typename: 'HeadingBlock', text: b.text, level: b.level };
    case 'quote':
      return { __typename: 'QuoteBlock', text: b.text, attribution: b.attribution ?? null };
    case 'image': {
      const m = media.get(b.mediaId);
      const r = m ? mediaRendition(m, 'card') : null;
      return { __typename: 'ImageBlock', caption: b.caption ?? null, image: m ? { altText: m.altText, rendition: { url: r!.url, width: r!.width, height: r!.height } } : null };
    }
    case 'embed':
      return { __typename: 'EmbedBlock', provider: b.provider, url: b.url, caption: b.caption ?? null };
    case 'list':
      return { __typename: 'ListBlock', ordered: b.ordered, items: b.items };
  }
}
