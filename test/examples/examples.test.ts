import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { Role } from '../../src/auth/roles';
import { loadExampleOperations, type ExampleOperation } from '../../src/ide/example-operations';
import { createDemoStaffAccounts, demoStaffEmail } from '../../src/seed/staff-accounts';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';
import { gql, type GraphQLResponse } from '../support/graphql-client';
import { bearer, signInAs } from '../support/sign-in';

const examples = loadExampleOperations();
const byId = (id: string) => examples.find((e) => e.id === id)!;

/** Fills `{{name}}` strings the way the IDE's environment does. */
function fill(value: unknown, env: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const match = /^\{\{(\w+)\}\}$/.exec(value);
    if (!match) return value;
    if (!(match[1] in env)) throw new Error(`no value for {{${match[1]}}}`);
    return env[match[1]];
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, env));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, env)]));
  return value;
}

/** No error, and every root field answered: a null root would mean a slug or id in the example no longer exists. */
function expectAnswered(example: ExampleOperation, res: GraphQLResponse & { status: number }) {
  expect({ example: example.id, status: res.status, errors: res.errors }).toEqual({ example: example.id, status: 200, errors: undefined });
  for (const [field, value] of Object.entries(res.data ?? {})) expect({ example: example.id, field, value: value ?? null }).not.toMatchObject({ value: null });
}

describe.each(backends())('examples/ against the demo newsroom (%s)', (backend) => {
  let app: NewsroomApp;
  let cleanup: () => Promise<void>;
  const env: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const run = (example: ExampleOperation) =>
    gql(app.url, example.query, fill(example.variables, env) as Record<string, unknown>, example.auth === 'none' ? {} : bearer(tokens[example.auth]));

  beforeAll(async () => {
    const scratch = scratchTargets(backend, 'examples', subgraphList().map((m) => m.name));
    await scratch.cleanup();
    app = await startNewsroom({ targets: scratch.targets, seedDemo: true, responseCache: false });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
    const staff = await createDemoStaffAccounts(app.dataSources.get('accounts')!, { production: false });
    const password = (role: Role) => staff.find((s) => s.role === role)!.password;

    // The editor signs in with the sign-in example itself, as a developer does in the IDE.
    env.password = password(Role.Editor);
    const signIn = await run(byId('web/sign-in'));
    expectAnswered(byId('web/sign-in'), signIn);
    expect(signIn.data.login.user.roles).toContain('EDITOR');
    tokens.editor = signIn.data.login.accessToken;
    env.refreshToken = signIn.data.login.refreshToken;

    // The analytics job: an admin creates a service token, the job exchanges its secret with the example.
    const admin = await gql(app.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
      e: demoStaffEmail(Role.Admin),
      p: password(Role.Admin),
    });
    const created = await gql(
      app.url,
      'mutation { createServiceToken(name: "analytics", scopes: [READ, EXPORT]) { secret } }',
      {},
      bearer(admin.data.login.accessToken),
    );
    env.serviceSecret = created.data.createServiceToken.secret;
    const exchanged = await run(byId('analytics/exchange-service-token'));
    expectAnswered(byId('analytics/exchange-service-token'), exchanged);
    tokens.analytics = exchanged.data.exchangeServiceToken.accessToken;

    tokens.reader = (await signInAs({ app, url: app.url, stop: cleanup }, [], { label: 'examples-reader' })).token;
  });
  afterAll(() => cleanup?.());

  it('covers what a web client, an editor and an analytics job send', () => {
    const ids = examples.map((e) => e.id);
    for (const id of [
      'web/home-page', 'web/article-page', 'web/rubric-page', 'web/search', 'web/comments', 'web/post-comment',
      'web/sign-in', 'web/refresh-session', 'admin/create-draft', 'admin/publish-article',
      'analytics/exchange-service-token', 'analytics/change-feed', 'analytics/export-feed',
    ]) expect(ids).toContain(id);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s runs without errors', async (_id, example) => {
    const res = await run(example);
    expectAnswered(example, res);
  });

  it('finds what the examples promise: the article page is an article with comments, search has hits', async () => {
    const page = await run(byId('web/article-page'));
    expect(page.data.route.__typename).toBe('Article');
    expect(page.data.route.commentCount).toBeGreaterThan(0);
    const search = await run(byId('web/search'));
    expect(search.data.search.nodes.length).toBeGreaterThan(0);
    const rubric = await run(byId('web/rubric-page'));
    expect(rubric.data.rubric.articles.nodes.length).toBeGreaterThan(0);
  });
});
