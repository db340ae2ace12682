import { outboxEventEntity } from '../../entities/shared/outbox-event.entity';
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
import { startOutboxRelay } from './outbox-relay';
import { FederatedPublishedArticles } from '../discussion/published-articles';
import { seedDiscussionDemo } from '../seed/discussion-seeder';
import { buildFederatedSchema } from './build-federated-schema';
import { createRateLimiter } from '../limits/rate-limiter';
import { OwnedParts } from './owned-parts';
import type { SubgraphModule } from './subgraph-module';
import { batchSizeObserver } from '../observability/process-metrics';

const resolvers: NonEmptyArray<Function> = [
  ArticleCommentsResolver,
  CommentResolver,
  CommentConnectionResolver,
  CommentMutationResolver,
  ModerationResolver,
  CommenterBanResolver,
];

/** Readers' comments under articles: threads, likes, reports, moderation. */
export const discussionSubgraph: SubgraphModule<'discussion'> = {
  name: 'discussion',
  defaultPort: 4003,
  entities: [outboxEventEntity('discussion'), Comment, CommentThread, CommentLike, CommentReport, CommenterBan, ModerationAction],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: (dataSource) => seedDiscussionDemo(dataSource),
  async start(dataSource, config, peers) {
    const env = config.env ?? process.env;
    const given = config.discussion ?? {};
    const owned = new OwnedParts();
    const runtime = new DiscussionRuntime(dataSource, {
      limiter: given.limiter ?? owned.add(createRateLimiter(env)),
      // Whether an article is published is editorial's answer: in process when editorial runs
      // here too, else over HTTP at its URL (published-articles.ts).
      articles:
        given.articles ??
        (peers.has('editorial') ? FederatedPublishedArticles.inProcess(() => peers.schema('editorial')) : FederatedPublishedArticles.overHttp()),
      // Read when asked rather than once, as it always was: an operator (or a test) turning
      // guest comments off in this process's environment takes effect without a restart.
      guestCommentsAllowed: given.guestCommentsAllowed ?? (() => !/^(0|false|off|no)$/i.test(env.ALLOW_GUEST_COMMENTS ?? '')),
    }, batchSizeObserver(config.metrics));
    const schema = await buildFederatedSchema({
      resolvers,
      construct: (cls) => new (cls as new (rt: DiscussionRuntime) => unknown)(runtime),
      referenceResolvers: discussionReferenceResolvers(runtime),
    }).catch(async (err) => {
      await owned.close();
      throw err;
    });
    const relay = await startOutboxRelay(dataSource, 'discussion', config);
    // Every discussion instance that hears of a purge drops the article's comments: deleting
    // what another instance already deleted is harmless, so no once-per-fleet delivery is needed.
    const stopPurges = config.events ? dropCommentsOfPurgedArticles(dataSource, config.events.bus) : () => undefined;
    return {
      runtime,
      schema,
      routes: {},
      outbox: relay.outbox,
      stop: async () => {
        stopPurges();
        await relay.stop();
        await owned.close();
      },
    };
  },
};
