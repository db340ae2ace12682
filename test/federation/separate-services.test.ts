import { createGateway } from '../../src/gateway/create-gateway';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { backends } from '../support/backends';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

const PAGE_QUERY = `query Page($slug: String!) {
  rubric(slug: $slug) {
    name breadcrumb { name path }
    children { name path }
    articles(first: 5) {
      totalCount
      edges { cursor node { id title path readingTime { label } authors { name } tags { name } heroImage { rendition(name: CARD) { url } } related(first: 2) { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  magazineIssue { number title featuredArticles { id } }
  missing: article(slug: "introuvable") { id }
}`;

describe.each(backends())('one subgraph as its own service (%s)', (backend) => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'separate');
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('answers identically in one process and with the gateway calling the subgraph over HTTP', async () => {
    const subgraph = await startSubgraphServer(editorialSubgraph, fx.app.dataSources.get('editorial')!, { port: 0 });
    const gateway = await startGraphQLServer({
      // The same operation guards as the in-process app, so that the answers (extensions.cost too) compare.
      operationGuards: gatewayOperationGuards(),
      gateway: createGateway({ urls: { editorial: subgraph.url } }),
      port: 0,
    });
    try {
      const variables = { slug: 'monde' };
      // One request id for both, so that errors (which carry it) compare equal too.
      const sameId = { 'x-request-id': 'separate-services-page' };
      const inProcess = await gql(fx.url, PAGE_QUERY, variables, sameId);
      const overHttp = await gql(gateway.url, PAGE_QUERY, variables, sameId);
      expect(inProcess.data.rubric.articles.edges.length).toBe(5);
      expect(inProcess.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(overHttp).toEqual(inProcess);
    } finally {
      await gateway.stop();
      await subgraph.stop();
    }
  });
});
