import { outboxEventEntity } from '../../entities/shared/outbox-event.entity';
import type { NonEmptyArray } from 'type-graphql';
import { Article } from '../../entities/editorial/article.entity';
import { ArticleByline } from '../../entities/editorial/article-byline.entity';
import { ArticleListing } from '../../entities/editorial/article-listing.entity';
import { ArticleSecondaryRubric } from '../../entities/editorial/article-secondary-rubric.entity';
import { ArticleSlugHistory } from '../../entities/editorial/article-slug-history.entity';
import { ArticleTag } from '../../entities/editorial/article-tag.entity';
import { Author } from '../../entities/editorial/author.entity';
import { MagazineIssue } from '../../entities/editorial/magazine-issue.entity';
import { MagazineIssueArticle } from '../../entities/editorial/magazine-issue-article.entity';
import { Media } from '../../entities/editorial/media.entity';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { Tag } from '../../entities/editorial/tag.entity';
import { FrontPageArrangement } from '../../entities/editorial/front-page-arrangement.entity';
import { FrontPageSlot } from '../../entities/editorial/front-page-slot.entity';
import { HomePageResolver } from '../../resolvers/editorial/home-page.resolver';
import { ArticleCorrection } from '../../entities/editorial/article-correction.entity';
import { ArticleBody } from '../../entities/editorial/article-body.entity';
import { ArticleRevision } from '../../entities/editorial/article-revision.entity';
import { EditorialAuditEntry } from '../../entities/editorial/editorial-audit-entry.entity';
import { RubricPathHistory } from '../../entities/editorial/rubric-path-history.entity';
import { ArticleAdminResolver } from '../../resolvers/editorial/admin/article-admin.resolver';
import { ArticleTrashResolver } from '../../resolvers/editorial/admin/article-trash.resolver';
import { ArticleWorkflowResolver } from '../../resolvers/editorial/admin/article-workflow.resolver';
import { AuditLogResolver } from '../../resolvers/editorial/admin/audit-log.resolver';
import { DashboardResolver } from '../../resolvers/editorial/admin/dashboard.resolver';
import { FrontPageAdminResolver } from '../../resolvers/editorial/admin/front-page-admin.resolver';
import { RubricAdminResolver } from '../../resolvers/editorial/admin/rubric-admin.resolver';
import { TaxonomyAdminResolver } from '../../resolvers/editorial/admin/taxonomy-admin.resolver';
import { startScheduler } from '../editorial/workflow/publication-scheduler';
import { startOutboxRelay } from './outbox-relay';
import { ArticleResolver } from '../../resolvers/editorial/article.resolver';
import { AuthorResolver } from '../../resolvers/editorial/author.resolver';
import { ArticleConnectionResolver, MagazineIssueConnectionResolver } from '../../resolvers/editorial/connections.resolver';
import { editorialReferenceResolvers } from '../../resolvers/editorial/editorial.reference';
import { ImageBlockResolver } from '../../resolvers/editorial/image-block.resolver';
import { MagazineIssueResolver } from '../../resolvers/editorial/magazine-issue.resolver';
import { MediaResolver } from '../../resolvers/editorial/media.resolver';
import { RouteResolver } from '../../resolvers/editorial/route.resolver';
import { RubricResolver } from '../../resolvers/editorial/rubric.resolver';
import { TagResolver } from '../../resolvers/editorial/tag.resolver';
import { migrations as mysqlMigrations } from '../db/migrations/editorial/mysql';
import { migrations as sqliteMigrations } from '../db/migrations/editorial/sqlite';
import { EditorialRuntime } from '../editorial/editorial-runtime';
import { seedEditorialDemo } from '../seed/editorial-seeder';
import { buildFederatedSchema } from './build-federated-schema';
import type { SubgraphModule } from './subgraph-module';
import { batchSizeObserver } from '../observability/process-metrics';

const resolvers: NonEmptyArray<Function> = [
  ArticleResolver,
  RubricResolver,
  AuthorResolver,
  TagResolver,
  MediaResolver,
  MagazineIssueResolver,
  RouteResolver,
  HomePageResolver,
  ArticleAdminResolver,
  ArticleWorkflowResolver,
  ArticleTrashResolver,
  FrontPageAdminResolver,
  RubricAdminResolver,
  TaxonomyAdminResolver,
  DashboardResolver,
  AuditLogResolver,
  ImageBlockResolver,
  ArticleConnectionResolver,
  MagazineIssueConnectionResolver,
];

/** Articles, rubrics, authors, tags, media and magazine issues. */
export const editorialSubgraph: SubgraphModule<'editorial'> = {
  name: 'editorial',
  defaultPort: 4001,
  entities: [
    outboxEventEntity('editorial'),
    Article,
    ArticleByline,
    ArticleTag,
    ArticleSecondaryRubric,
    ArticleListing,
    ArticleSlugHistory,
    Rubric,
    Author,
    Tag,
    Media,
    MagazineIssue,
    MagazineIssueArticle,
    FrontPageArrangement,
    FrontPageSlot,
    ArticleBody,
    ArticleRevision,
    ArticleCorrection,
    RubricPathHistory,
    EditorialAuditEntry,
  ],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: seedEditorialDemo,
  startJobs: (dataSource, events) => startScheduler(dataSource, { bus: events.bus }),
  async start(dataSource, config) {
    const runtime = new EditorialRuntime(dataSource, config.env ?? process.env, batchSizeObserver(config.metrics), config.events?.bus);
    const schema = await buildFederatedSchema({
      resolvers,
      construct: (cls) => new (cls as new (rt: EditorialRuntime) => unknown)(runtime),
      referenceResolvers: editorialReferenceResolvers(runtime),
    });
    const relay = await startOutboxRelay(dataSource, 'editorial', config);
    return {
      runtime,
      schema,
      routes: {},
      outbox: relay.outbox,
      async stop() {
        runtime.rubricTrees?.close();
        await relay.stop();
      },
    };
  },
};
