import { serverAudits } from 'graphql-http';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';

/**
 * The GraphQL-over-HTTP conformance audits of graphql-http, run against the whole supergraph
 * as `npm start` serves it: every MUST passes, in development and in production mode. The
 * SHOULD and MAY results are printed by name so a regression is visible, not asserted.
 */
describe.each([
  ['development', false],
  ['production', true],
])('graphql-http audit (%s)', (_mode, production) => {
  let app: NewsroomApp;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', `audit_${production ? 'prod' : 'dev'}`, subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, responseCache: true, http: { production } });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
  });
  afterAll(() => cleanup?.());

  it('passes every MUST', async () => {
    const results = [];
    for (const audit of serverAudits({ url: app.url })) results.push(await audit.fn());
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failedMusts).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(10);
  });

  it(production ? 'hides the schema: no dump, every __type answers null, no suggestions' : 'lets developers introspect', async () => {
    const dump = await gql(app.url, '{ __schema { types { name } } }');
    const lookup = await gql(app.url, '{ a: __type(name: "Article") { name fields { name } } ...F __typename } fragment F on Query { b: __type(name: "Nope") { name } }');
    const typo = await gql(app.url, '{ artcle(slug: "x") { id } }');
    expect(typo.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    if (production) {
      expect(dump.status).toBe(400);
      expect(dump.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(lookup.data).toEqual({ a: null, b: null, __typename: 'Query' });
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    } else {
      expect(dump.data.__schema.types.length).toBeGreaterThan(20);
      expect(lookup.data.a.name).toBe('Article');
      expect(typo.errors![0].message).toMatch(/Did you mean "article"/);
    }
  });

  it('answers two operations without operationName with a 400 and a code, not a 500', async () => {
    const res = await gql(app.url, 'query A { __typename } query B { __typename }');
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors![0].extensions!.requestId).toEqual(expect.any(String));
  });
});
