import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Comment } from '../../entities/discussion/comment.entity';
import type { RequestContext } from '../../src/context/request-context';
import { CommentReadService } from '../../src/discussion/comment-read.service';
import { DiscussionRuntime } from '../../src/discussion/discussion-runtime';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ArticleStub } from './article.stub';
import { ThreadPageArgs } from './comment.inputs';
import { CommentConnectionType } from './comment.type';

/**
 * The fields the discussion subgraph adds to editorial's Article. All nullable: an article
 * page or a home page can live without its comments, so when this subgraph is down or slow
 * the gateway answers the editorial content with these fields null and an error naming them
 * (SUBGRAPH_UNAVAILABLE / SUBGRAPH_TIMEOUT), instead of nulling the whole page.
 */
@Resolver(() => ArticleStub)
export class ArticleCommentsResolver {
  constructor(private readonly rt: DiscussionRuntime) {}

  @FieldResolver(() => CommentConnectionType, {
    nullable: true,
    description:
      'Root comments, with their replies under `replies`. You also see your own comments waiting for moderation; moderators see every pending one.',
  })
  comments(@Root() article: ArticleStub, @Args() { first, after, order }: ThreadPageArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Comment>> {
    return new CommentReadService(this.rt, ctx).thread(Number(article.id), { first, after, order: order ?? 'newest' });
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Approved comments, replies included; null when the comments service is unavailable. A page of articles costs one query for all their counts.',
  })
  commentCount(@Root() article: ArticleStub, @Ctx() ctx: RequestContext): Promise<number> {
    return new CommentReadService(this.rt, ctx).commentCount(Number(article.id));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether readers may comment; false once a moderator closed the thread, null when the comments service is unavailable.',
  })
  commentsOpen(@Root() article: ArticleStub, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new CommentReadService(this.rt, ctx).commentsOpen(Number(article.id));
  }
}
