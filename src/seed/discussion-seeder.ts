import type { DataSource } from 'typeorm';
import { commentFingerprint } from '../discussion/comment-text';
import { sqlDate, valuesPlaceholders } from '../db/sql-values';
import { makePersonName, makeStandfirst, TOPICS } from './french-text';
import { demoPublicationWindow } from './editorial-seeder';
import { Random } from './random';

/**
 * Demo conversations under the newest demo articles: approved guest comments, some with
 * replies, counts kept as the discussion subgraph keeps them (`comment_thread.approvedCount`
 * for every approved comment, `replyCount` on roots). Article ids follow the editorial demo
 * seeder (1 … DEMO_ARTICLES, newest last); comments under an article the public cannot see are
 * simply never shown. Does nothing when comments already exist.
 */
export async function seedDiscussionDemo(ds: DataSource, options: { articles?: number; seed?: number; now?: Date } = {}): Promise<void> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM comment');
  if (Number(n) > 0) return;
  const rng = new Random(options.seed ?? 42).fork(11);
  const total = options.articles ?? Number(process.env.DEMO_ARTICLES ?? 600);
  const now = options.now ?? new Date();
  const comments: unknown[][] = [];
  const threads: unknown[][] = [];
  let id = 0;
  // Readers comment after publication (the latest instant the editorial seeder may have
  // published at) and before now; each reply comes after the comment it answers.
  const between = (from: number, to: number) => from + (to - from) * (0.05 + 0.5 * rng.next());
  for (let articleId = Math.max(1, total - 59); articleId <= total; articleId++) {
    const published = demoPublicationWindow(articleId, total, now).to.getTime();
    const roots = rng.int(0, 4);
    let approved = 0;
    for (let r = 0; r < roots; r++) {
      const rootId = ++id;
      const replies = rng.chance(0.4) ? rng.int(1, 3) : 0;
      let at = between(published, now.getTime());
      comments.push(row(rootId, articleId, null, null, new Date(at), replies));
      for (let k = 0; k < replies; k++) {
        const replyId = ++id;
        at = between(at, now.getTime());
        comments.push(row(replyId, articleId, rootId, k === 0 ? rootId : replyId - 1, new Date(at), 0));
      }
      approved += 1 + replies;
    }
    if (approved) threads.push([articleId, approved, sqlDate(ds, now)]);
  }
  function row(commentId: number, articleId: number, parentId: number | null, inReplyToId: number | null, at: Date, replyCount: number): unknown[] {
    const { firstName, lastName } = makePersonName(rng);
    const email = `${firstName}.${lastName}.${commentId}@lecteurs.example`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, '');
    const body = makeStandfirst(rng, rng.pick(TOPICS));
    return [commentId, articleId, parentId, inReplyToId, `${firstName} ${lastName[0]}.`, email, '127.0.0.1', body, commentFingerprint(`guest:${email}`, body), 'approved', rng.int(0, 12), replyCount, 0, sqlDate(ds, at)];
  }
  const columns = ['id', 'articleId', 'parentId', 'inReplyToId', 'guestName', 'guestEmail', 'authorIp', 'body', 'fingerprint', 'status', 'likeCount', 'replyCount', 'reportCount', 'createdAt'];
  await ds.transaction(async (m) => {
    for (let i = 0; i < comments.length; i += 200) {
      const part = comments.slice(i, i + 200);
      await m.query(`INSERT INTO comment (${columns.join(', ')}) VALUES ${valuesPlaceholders(part.length, columns.length)}`, part.flat());
    }
    if (threads.length) {
      await m.query(`INSERT INTO comment_thread (articleId, approvedCount, createdAt) VALUES ${valuesPlaceholders(threads.length, 3)}`, threads.flat());
    }
  });
}
