import { OutboxEvent } from '../../entities/shared/outbox-event.entity';
import type { NonEmptyArray } from 'type-graphql';
import { Comment } from '../../entities/discussion/comment.entity';
import { CommentLike } from '../../entities/discussion/comment-like.entity';
import { CommentReport } from '../../entities/discussion/comment-report.entity';
import { CommentThread } from '../../entities/discussion/comment-thread.entity';
import { CommenterBan } from '../../entities/discussion/commenter-ban.entity';
import { ModerationAction } from '../../entities/discussion/moderation-action.entity';
import { ArticleCommentsResolver } from '../../resolvers/discussion/article-comments.resolver';
import { CommentMutationResolver } from '../../resolvers/discussion/comment-mutation.resolver';
import { CommentConnectionResolver, CommentResolver } from '../../resolvers/discussion/comment.resolver';
import { discussionReferenceResolvers } from '../../resolvers/discussion/discussion.reference';
import { CommenterBanResolver, ModerationResolver } from '../../resolvers/discussion/moderation.resolver';
import { migrations as mysqlMigrations } from '../db/migrations/discussion/mysql';
import { migrations as sqliteMigrations } from '../db/migrations/discussion/sqlite';
import { dropCommentsOfPurgedArticles } from '../discussion/article-purge-listener';
import { DiscussionRuntime } from '../discussion/discussion-runtime';
import { contentEvents } from '../events/content-events';
import { FederatedPublishedArticles } from '../discussion/published-articles';
import { seedDiscussionDemo } from '../seed/discussion-seeder';
import { buildFederatedSchema } from './build-federated-schema';
import type { SubgraphModule } from './subgraph-module';

const resolvers: NonEmptyArray<Function> = [
  ArticleCommentsResolver,
  CommentResolver,
  CommentConnectionResolver,
  CommentMutationResolver,
  ModerationResolver,
  CommenterBanResolver,
];

/** Readers' comments under articles: threads, likes, reports, moderation. */
export const discussionSubgraph: SubgraphModule = {
  name: 'discussion',
  defaultPort: 4003,
  entities: [OutboxEvent, Comment, CommentThread, CommentLike, CommentReport, CommenterBan, ModerationAction],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: (dataSource) => seedDiscussionDemo(dataSource),
  async buildSchema(dataSource, peers) {
    const rt = DiscussionRuntime.for(dataSource);
    // Whether an article is published is editorial's answer: in process when editorial runs
    // here too, else over HTTP at its URL (published-articles.ts).
    if (peers?.has('editorial')) rt.usePublishedArticles(FederatedPublishedArticles.inProcess(() => peers.schema('editorial')));
    return buildFederatedSchema({
      resolvers,
      construct: (cls) => new (cls as new (rt: DiscussionRuntime) => unknown)(rt),
      referenceResolvers: discussionReferenceResolvers(rt),
    });
  },
  startServices(dataSource) {
    // The bus is in-process: a discussion service apart from editorial needs the events forwarded.
    const unsubscribe = dropCommentsOfPurgedArticles(dataSource, contentEvents);
    return { stop: async () => unsubscribe() };
  },
};
