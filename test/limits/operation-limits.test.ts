import { Role } from '../../src/auth/roles';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { DEFAULT_LIMITS, readLimitsConfig } from '../../src/limits/limits-config';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, signInAs, type SignedIn } from '../support/sign-in';
import {
  CIRCULAR_FRAGMENTS,
  NESTED_FIRST_100,
  aliasedFields,
  aliasedSearches,
  directives,
  nestedRubrics,
  repeatedSpreads,
  rootFields,
} from './attack-operations';
import { ADMIN_OPERATIONS, FRONT_END_OPERATIONS } from './page-operations';

/**
 * The gateway with the default limits (as `npm start` reads them from an empty environment,
 * rate limits off so that only the operation limits are under test), on loopback.
 */
describe('operation limits at the gateway', () => {
  let fx: NewsroomFixture;
  let editor: SignedIn;
  let reader: SignedIn;
  let articleSlug: string;
  let articleId: string;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'operation_limits', 60, {
      operationGuards: gatewayOperationGuards(readLimitsConfig({ RATE_LIMIT: 'off' })),
    });
    await prepareAccounts(fx);
    editor = await signInAs(fx, [Role.Editor, Role.Moderator]);
    reader = await signInAs(fx, []);
    const first = await gql(fx.url, '{ articles(first: 1) { nodes { id slug } } }');
    articleSlug = first.data.articles.nodes[0].slug;
    articleId = first.data.articles.nodes[0].id;
  });
  afterAll(async () => {
    await fx?.stop();
  });

  describe('the pages of the web front end', () => {
    it.each(Object.keys(FRONT_END_OPERATIONS))('%s page: answered, its cost at most a third of the anonymous maximum', async (page) => {
      const op = FRONT_END_OPERATIONS[page as keyof typeof FRONT_END_OPERATIONS];
      const variables = page === 'article' ? { slug: articleSlug } : op.variables;
      const res = await fetch(fx.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.query, variables }),
      });
      const body = (await res.json()) as { data: Record<string, unknown>; errors?: unknown[]; extensions: { cost: number } };
      expect(res.status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data)[0]).not.toBeNull();
      expect(body.extensions.cost).toBeGreaterThan(0);
      expect(body.extensions.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.anonymous.cost / 3);
    });

    it.each(Object.keys(ADMIN_OPERATIONS))("editors' %s: answered within a third of the staff maximum", async (name) => {
      const op = ADMIN_OPERATIONS[name as keyof typeof ADMIN_OPERATIONS];
      let variables: Record<string, unknown> = op.variables;
      if ('id' in variables) {
        const current = await gql(fx.url, 'query($id: ID!) { adminArticle(id: $id) { version } }', { id: articleId }, editor.headers);
        variables = { ...variables, id: articleId, ...('version' in variables ? { version: current.data.adminArticle.version } : {}) };
      }
      const res = await gql(fx.url, op.query, variables, editor.headers);
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.extensions!.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.staff.cost / 3);
    });
  });

  describe('hostile operations from one anonymous client', () => {
    it.each([13, 50])('rubric children/parent nested %i levels: QUERY_TOO_DEEP', async (levels) => {
      const res = await gql(fx.url, nestedRubrics(levels));
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['QUERY_TOO_DEEP']);
      expect(res.errors![0].message).toMatch(/the limit for anonymous clients is 10/);
      expect(res.data).toBeUndefined();
    });

    it('1,000 aliases of search(first: 100): refused while parsing (TOO_MANY_TOKENS)', async () => {
      const res = await gql(fx.url, aliasedSearches(1000));
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['TOO_MANY_TOKENS']);
      expect(res.errors![0].message).toMatch(/more than 10000 tokens/);
    });

    it('20,000 aliased fields: refused while parsing, before any query planning', async () => {
      const res = await gql(fx.url, aliasedFields(20_000));
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['TOO_MANY_TOKENS']);
    });

    it('aliases past the class limit: TOO_MANY_ALIASES', async () => {
      const res = await gql(fx.url, aliasedSearches(21));
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['TOO_MANY_ALIASES']);
      expect(res.errors![0].extensions).toMatchObject({ found: 21, maximum: 20 });
    });

    it('first: 100 nested three levels: QUERY_TOO_COMPLEX with the cost and the maximum', async () => {
      const res = await gql(fx.url, NESTED_FIRST_100);
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['QUERY_TOO_COMPLEX']);
      const ext = res.errors![0].extensions!;
      expect(ext.maximumCost).toBe(DEFAULT_LIMITS.anonymous.cost);
      expect(ext.cost).toBeGreaterThan(1_000_000);
      expect(res.errors![0].message).toContain(`maximum cost of ${DEFAULT_LIMITS.anonymous.cost}`);
    });

    it('1,000 directives: refused while parsing; 21 directives: TOO_MANY_DIRECTIVES', async () => {
      const many = await gql(fx.url, directives(1000));
      expect(many.status).toBe(400);
      expect(errorCodes(many)).toEqual(['TOO_MANY_TOKENS']);
      const some = await gql(fx.url, directives(21));
      expect(some.status).toBe(400);
      expect(errorCodes(some)).toEqual(['TOO_MANY_DIRECTIVES']);
    });

    it('circular fragments: a validation error', async () => {
      const res = await gql(fx.url, CIRCULAR_FRAGMENTS);
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    });

    it('too many root fields: TOO_MANY_ROOT_FIELDS', async () => {
      const res = await gql(fx.url, rootFields(11));
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['TOO_MANY_ROOT_FIELDS']);
      expect((await gql(fx.url, rootFields(10))).data).toBeDefined();
    });

    it('a document within the parser ceiling but past the anonymous token limit: TOO_MANY_TOKENS', async () => {
      const query = repeatedSpreads(1200);
      const anonymous = await gql(fx.url, query);
      expect(anonymous.status).toBe(400);
      expect(errorCodes(anonymous)).toEqual(['TOO_MANY_TOKENS']);
      expect(anonymous.errors![0].extensions).toMatchObject({ maximum: DEFAULT_LIMITS.anonymous.tokens });
    });
  });

  describe('limits per client class', () => {
    it('staff get more aliases and tokens than readers and anonymous clients', async () => {
      const query = aliasedFields(25);
      expect(errorCodes(await gql(fx.url, query))).toEqual(['TOO_MANY_ALIASES']);
      expect(errorCodes(await gql(fx.url, query, {}, reader.headers))).toEqual([]);
      const long = repeatedSpreads(1800);
      expect(errorCodes(await gql(fx.url, long, {}, reader.headers))).toEqual(['TOO_MANY_TOKENS']);
      expect(errorCodes(await gql(fx.url, long, {}, editor.headers))).toEqual([]);
    });

    it('cost still bounds staff: 13 nested levels pass the staff depth but not its cost', async () => {
      const res = await gql(fx.url, nestedRubrics(13), {}, editor.headers);
      expect(res.status).toBe(400);
      expect(errorCodes(res)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(res.errors![0].extensions!.maximumCost).toBe(DEFAULT_LIMITS.staff.cost);
    });

    it('an invalid token counts as anonymous', async () => {
      const res = await gql(fx.url, aliasedSearches(25).replace(/first: 100/g, 'first: 1'), {}, { authorization: 'Bearer forged' });
      expect(errorCodes(res)).toEqual(['TOO_MANY_ALIASES']);
    });
  });

  it('field suggestions stay in development', async () => {
    expect((await gql(fx.url, typo)).errors![0].message).toMatch(/Did you mean "headline"/);
    expect(JSON.stringify((await gql(fx.url, enumTypo, { n: 'CARDS' })).errors)).toMatch(/Did you mean the enum value/);
  });

  it('variables size the cost: search(first: $n)', async () => {
    const query = 'query($n: Int) { search(query: "de", first: $n) { nodes { title } } }';
    const small = await gql(fx.url, query, { n: 1 });
    const large = await gql(fx.url, query, { n: 100 });
    expect(small.extensions!.cost).toBeLessThan(large.extensions!.cost);
    const bad = await gql(fx.url, query, { n: 'many' });
    expect(bad.status).toBe(400);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

const typo = '{ homePage { headlin { lead { id } } } }';
const enumTypo = 'query($n: RenditionName!) { articles(first: 1) { nodes { heroImage { rendition(name: $n) { url } } } } }';

describe('field suggestions in production', () => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'suggestions', 5, {
      operationGuards: gatewayOperationGuards(readLimitsConfig({ NODE_ENV: 'production', RATE_LIMIT: 'off' })),
    });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('are hidden in production: field names and enum values', async () => {
    const field = await gql(fx.url, typo);
    expect(field.status).toBe(400);
    expect(field.errors![0].message).toBe('Cannot query field "headlin" on type "HomePage".');
    const value = await gql(fx.url, enumTypo, { n: 'CARDS' });
    expect(errorCodes(value)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(value.errors)).not.toMatch(/Did you mean/);
  });
});
