import { ConsumedEvent } from '../../entities/shared/consumed-event.entity';
import type { NonEmptyArray } from 'type-graphql';
import { ArticleChangeState } from '../../entities/audience/article-change-state.entity';
import { ArticleMeta } from '../../entities/audience/article-meta.entity';
import { ArticleViewTotal } from '../../entities/audience/article-view-total.entity';
import { AudienceSequence } from '../../entities/audience/audience-sequence.entity';
import { PageViewDaily } from '../../entities/audience/page-view-daily.entity';
import { PageViewHourly } from '../../entities/audience/page-view-hourly.entity';
import { ArticleChangeResolver } from '../../resolvers/audience/article-change.resolver';
import { audienceReferenceResolvers } from '../../resolvers/audience/audience.reference';
import { PageViewResolver } from '../../resolvers/audience/page-view.resolver';
import { HomePageStub } from '../../resolvers/audience/home-page.stub';
import { HomePageTrendingResolver, ReadershipResolver } from '../../resolvers/audience/readership.resolver';
import { audienceOptions } from '../audience/audience-options';
import { AudienceRuntime } from '../audience/audience-runtime';
import { beaconRoute } from '../audience/beacon-route';
import { FederatedEditorialArticles } from '../audience/editorial-articles';
import { createViewDedup } from '../audience/view-dedup';
import { createEventChannels } from '../events/event-channels';
import { durableSubscription } from '../events/durable-subscription';
import { createRateLimiter } from '../limits/rate-limiter';
import { migrations as mysqlMigrations } from '../db/migrations/audience/mysql';
import { migrations as sqliteMigrations } from '../db/migrations/audience/sqlite';
import { seedAudienceDemo } from '../seed/audience-seeder';
import { buildFederatedSchema } from './build-federated-schema';
import { OwnedParts } from './owned-parts';
import type { SubgraphModule } from './subgraph-module';

const resolvers: NonEmptyArray<Function> = [ReadershipResolver, HomePageTrendingResolver, PageViewResolver, ArticleChangeResolver];

/** Page views and what is built from them (view counts, rankings), and the article change feed for analytics jobs. */
export const audienceSubgraph: SubgraphModule<'audience'> = {
  name: 'audience',
  defaultPort: 4004,
  entities: [ConsumedEvent, PageViewHourly, PageViewDaily, ArticleViewTotal, ArticleMeta, ArticleChangeState, AudienceSequence],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: (dataSource) => seedAudienceDemo(dataSource),
  async start(dataSource, config, peers) {
    const env = config.env ?? process.env;
    const given = config.audience ?? {};
    const options = { ...audienceOptions(env), ...given.options };
    const owned = new OwnedParts();
    const runtime = new AudienceRuntime(dataSource, {
      options,
      limiter: given.limiter ?? owned.add(createRateLimiter(env)),
      viewDedup: given.viewDedup ?? owned.add(createViewDedup(env, options.maxRememberedViews)),
      editorial:
        given.editorial ??
        (peers.has('editorial') ? FederatedEditorialArticles.inProcess(() => peers.schema('editorial')) : FederatedEditorialArticles.overHttp()),
    });
    const schema = await buildFederatedSchema({
      resolvers,
      // No root field returns the home page here: it is reached from editorial's `homePage`.
      orphanedTypes: [HomePageStub],
      construct: (cls) => new (cls as new (rt: AudienceRuntime) => unknown)(runtime),
      referenceResolvers: audienceReferenceResolvers(),
    }).catch(async (err) => {
      await owned.close();
      throw err;
    });
    // The change feed is written once per fleet: one audience instance takes each event, and
    // a redelivered one is recognised by its id (durable-subscription.ts).
    const own = config.events || !dataSource.isInitialized ? null : await createEventChannels(env);
    const events = config.events ?? own;
    const stopServing = events ? runtime.start(durableSubscription(dataSource, events.transport, 'audience'), events.bus) : async () => undefined;
    return {
      runtime,
      schema,
      routes: { '/beacon': beaconRoute(runtime) },
      async stop() {
        await stopServing();
        await own?.close();
        await owned.close();
      },
    };
  },
};
