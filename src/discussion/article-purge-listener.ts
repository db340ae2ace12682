import { In, type DataSource } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { CommentLike } from '../../entities/discussion/comment-like.entity';
import { CommentReport } from '../../entities/discussion/comment-report.entity';
import { CommentThread } from '../../entities/discussion/comment-thread.entity';
import { ModerationAction } from '../../entities/discussion/moderation-action.entity';
import type { ContentEventSource } from '../events/content-events';

/**
 * When editorial purges an article for good (`article.deleted`), its comments go too, with
 * their likes, reports, moderation history and the thread row: readers' words under an
 * article that no longer exists are not kept. Trashing keeps them (a restore brings the
 * thread back); while in the trash, the article is not published, so nobody can comment.
 */
export function dropCommentsOfPurgedArticles(ds: DataSource, bus: ContentEventSource): () => void {
  return bus.subscribe(async (event) => {
    if (event.type === 'article.deleted') await dropArticleComments(ds, event.articleId);
  });
}

export async function dropArticleComments(ds: DataSource, articleId: number): Promise<void> {
  await ds.transaction(async (m) => {
    const ids = (await m.getRepository(Comment).find({ where: { articleId }, select: { id: true } })).map((c) => c.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = In(ids.slice(i, i + 500));
      await m.getRepository(CommentLike).delete({ commentId: chunk });
      await m.getRepository(CommentReport).delete({ commentId: chunk });
      await m.getRepository(ModerationAction).delete({ commentId: chunk });
    }
    await m.getRepository(ModerationAction).delete({ articleId });
    await m.getRepository(Comment).delete({ articleId });
    await m.getRepository(CommentThread).delete({ articleId });
  });
}
