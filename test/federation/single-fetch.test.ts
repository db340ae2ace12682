import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { createGateway } from '../../src/gateway/create-gateway';
import type { SingleFetchGateway } from '../../src/gateway/single-fetch-gateway';
import { startGraphQLServer, type RunningServer } from '../../src/server/graphql-http-server';
import { backends } from '../support/backends';
import { gql, type GraphQLResponse } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

/**
 * Queries planned as one fetch from an in-process subgraph run on it directly
 * (single-fetch-gateway.ts). Every case is asked of a gateway with the shortcut and of one
 * without it, twice each (the first request of an operation always follows the plan): the
 * answers must be the same, errors included, whichever path each took.
 */
const CARD = `id title slug path publishedAt readingTime { label } authors { name } rubric { name parent { name } }`;

type Case = { name: string; query: string; variables?: Record<string, unknown>; then?: Record<string, unknown>; direct: boolean };

const CASES: Case[] = [
  {
    name: 'a page of cards, with a fragment, aliases and __typename',
    query: `query Page { newest: articles(first: 5) { edges { cursor node { __typename ...Card } } pageInfo { hasNextPage endCursor } } again: articles(first: 2) { edges { node { t: title } } } }
      fragment Card on Article { ${CARD} }`,
    direct: true,
  },
  {
    name: '@skip and @include driven by variables',
    query: `query Skips($with: Boolean!, $without: Boolean!) { articles(first: 3) { edges { node { id title @include(if: $with) slug @skip(if: $without) } } } }`,
    variables: { with: false, without: true },
    direct: true,
  },
  {
    name: 'a NOT_FOUND error with its path, beside data',
    query: `query Missing { article(slug: "no-such-article") { id } articles(first: 1) { edges { node { id } } } }`,
    direct: true,
  },
  {
    name: 'an error on a non-null root field (anonymous preview)',
    query: `query Preview { homePagePreview(at: "2030-01-01T00:00:00Z") { selection { id } } }`,
    direct: true,
  },
  {
    name: 'a variable of the wrong type after a right one',
    query: `query Bad($first: Int) { articles(first: $first) { edges { node { id } } } }`,
    variables: { first: 2 },
    then: { first: 'many' },
    direct: false,
  },
  { name: 'introspection', query: `query Types { __schema { queryType { name } } }`, direct: false },
  {
    name: 'fields of two subgraphs',
    query: `query Counts { articles(first: 3) { edges { node { id commentCount } } } }`,
    direct: false,
  },
];

/** An answer without what differs from one request to the next (request ids). */
function comparable(res: GraphQLResponse & { status: number }): unknown {
  const errors = res.errors?.map(({ extensions, ...rest }) => {
    const { requestId: _requestId, ...kept } = extensions ?? {};
    return { ...rest, extensions: kept };
  });
  return { status: res.status, data: res.data, errors };
}

describe.each(backends())('single-fetch queries run on the subgraph directly (%s)', (backend) => {
  let fx: NewsroomFixture;
  let direct: SingleFetchGateway;
  let withShortcut: RunningServer;
  let withoutShortcut: RunningServer;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'single_fetch', 40);
    const gateway: GatewayInterface = createGateway({ localSchemas: fx.app.schemas });
    direct = gateway as SingleFetchGateway;
    withShortcut = await startGraphQLServer({ gateway, port: 0 });
    withoutShortcut = await startGraphQLServer({ gateway: createGateway({ localSchemas: fx.app.schemas, direct: false }), port: 0 });
  });
  afterAll(async () => {
    await withShortcut?.stop();
    await withoutShortcut?.stop();
    await fx?.stop();
  });

  it.each(CASES)('$name: the same answer either way', async ({ query, variables, then = variables, direct: shortcut }) => {
    const planned = [await gql(withoutShortcut.url, query, variables), await gql(withoutShortcut.url, query, then)];
    const before = direct.answered.direct;
    const answers = [await gql(withShortcut.url, query, variables), await gql(withShortcut.url, query, then)];
    expect(answers.map(comparable)).toEqual(planned.map(comparable));
    expect(planned[1].data ?? planned[1].errors).toBeTruthy();
    // The first request follows the plan; the second takes the shortcut when the plan allows.
    expect(direct.answered.direct - before).toBe(shortcut ? 1 : 0);
  });

  it('takes the shortcut for an editorial-only page', async () => {
    const query = `query Cards { articles(first: 10) { edges { node { ${CARD} } } } }`;
    const before = direct.answered.direct;
    for (let i = 0; i < 3; i++) expect((await gql(withShortcut.url, query)).errors).toBeUndefined();
    expect(direct.answered.direct - before).toBe(2);
  });
});
