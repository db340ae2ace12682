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
import { AudienceRuntime } from '../audience/audience-runtime';
import { migrations as mysqlMigrations } from '../db/migrations/audience/mysql';
import { migrations as sqliteMigrations } from '../db/migrations/audience/sqlite';
import { seedAudienceDemo } from '../seed/audience-seeder';
import { buildFederatedSchema } from './build-federated-schema';
import type { SubgraphModule } from './subgraph-module';

const resolvers: NonEmptyArray<Function> = [ReadershipResolver, HomePageTrendingResolver, PageViewResolver, ArticleChangeResolver];

/** Page views and what is built from them (view counts, rankings), and the article change feed for analytics jobs. */
export const audienceSubgraph: SubgraphModule = {
  name: 'audience',
  defaultPort: 4004,
  entities: [PageViewHourly, PageViewDaily, ArticleViewTotal, ArticleMeta, ArticleChangeState, AudienceSequence],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: (dataSource) => seedAudienceDemo(dataSource),
  async buildSchema(dataSource) {
    const rt = AudienceRuntime.for(dataSource);
    return buildFederatedSchema({
      resolvers,
      // No root field returns the home page here: it is reached from editorial's `homePage`.
      orphanedTypes: [HomePageStub],
      construct: (cls) => new (cls as new (rt: AudienceRuntime) => unknown)(rt),
      referenceResolvers: audienceReferenceResolvers(),
    });
  },
  startServices(dataSource, peers) {
    return AudienceRuntime.for(dataSource).start(peers);
  },
};
