import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { HeaderMap } from '@apollo/server';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import { perRequest, type RequestContext } from '../../src/context/request-context';
import { leanGatewayRequestContexts } from '../../src/gateway/gateway-request-context';

/**
 * What a finished request leaves behind. A request's objects must die young: anything a
 * long-lived object reaches them through (a WeakMap keyed by the request, an accessor closure
 * on a hidden class of its own) makes every young-generation collection keep them and move
 * them to the old generation, which cost the home page a third of its CPU. The probe measures
 * it in a process of its own (test/support/request-lifetime-probe.ts): the old generation's
 * growth across two young-generation collections after a request holding about 1.3 MB.
 */
const ROOT = path.resolve(__dirname, '../..');
function probe(...args: string[]): { perRequest: number; weakMapMemo: number; apolloGateway: number } {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--single-threaded-gc', '-r', '@swc-node/register', path.join(ROOT, 'test/support/request-lifetime-probe.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}
const ANSWER_BYTES = 1_000_000;

// Apollo Server's own builder, taken before anything in this file replaces it.
type Make = (requestContext: object, server: object, internals: object) => GatewayGraphQLRequestContext;
const makeModule = require(path.join(path.dirname(require.resolve('@apollo/server')), 'utils/makeGatewayGraphQLRequestContext.js')) as {
  makeGatewayGraphQLRequestContext: Make;
};
const apolloOwn = makeModule.makeGatewayGraphQLRequestContext;

const newContext = (): RequestContext => ({ requestId: 'r', now: new Date(), viewer: null, ip: '', headers: {} });

describe("a finished request's objects die young", () => {
  it('leaves no request in the old generation: neither its loaders nor, through Apollo Server, its answer', () => {
    const measured = probe();
    expect(measured.perRequest).toBeLessThan(ANSWER_BYTES / 2);
    expect(measured.apolloGateway).toBeLessThan(ANSWER_BYTES / 2);
    // The controls: the same memo in a WeakMap, and Apollo Server's own request contexts, do
    // leave it there (were they to stop doing so, the replacement would no longer be needed).
    expect(measured.weakMapMemo).toBeGreaterThan(ANSWER_BYTES);
    expect(probe('--apollo-as-is').apolloGateway).toBeGreaterThan(ANSWER_BYTES);
  });

  it('a copy of a context starts with values of its own', () => {
    const values = perRequest(() => ({}));
    const ctx = newContext();
    const copy = { ...ctx, viewer: null };
    expect(values(copy)).not.toBe(values(ctx));
    expect(values(ctx)).toBe(values(ctx));
  });

  describe('Apollo Server handing a request to a gateway', () => {
    const schema = buildSchema('type Query { list: [Item] } type Item { id: Int title: String }');
    let seen: GatewayGraphQLRequestContext | undefined;
    const gateway: GatewayInterface = {
      async load() {
        return {
          executor: async (requestContext) => {
            seen = requestContext;
            requestContext.response!.http!.status = 203;
            requestContext.response!.http!.headers.set('x-seen', String(requestContext.request.http === undefined));
            return { data: { list: [{ id: 1, title: 'Un' }] } };
          },
        };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async stop() {},
    };
    const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()] });
    beforeAll(async () => {
      expect(leanGatewayRequestContexts()).toBe(true);
      await server.start();
    });
    afterAll(() => server.stop());

    const ask = () => server.executeOperation({ query: 'query L { list { id title } }', operationName: 'L' });

    it('gives the gateway the same request context, its status and headers written through', async () => {
      const response = await ask();
      expect(response.http.status).toBe(203);
      expect(response.http.headers.get('x-seen')).toBe('true');
      expect(seen!.request).toEqual({ query: 'query L { list { id title } }', operationName: 'L' });
      expect(seen!.operationName).toBe('L');
      expect(seen!.queryHash).toMatch(/^[0-9a-f]{64}$/);
      expect(seen!.document?.kind).toBe('Document');
      expect(seen!.response!.http!.status).toBe(203);
      // The status accessor lives on a shared prototype, not on each request's own literal.
      expect(Object.getOwnPropertyDescriptor(seen!.response!.http, 'status')).toBeUndefined();
    });
  });

  it("builds the gateway's request context as Apollo Server's own does, field for field", () => {
    expect(leanGatewayRequestContexts()).toBe(true);
    const lean = makeModule.makeGatewayGraphQLRequestContext;
    expect(lean).not.toBe(apolloOwn);
    const server = { logger: { name: 'log' }, cache: { name: 'cache' } };
    const internals = { includeStacktraceInErrorResponses: false };
    const serverContext = () => ({
      logger: server.logger,
      schema: { name: 'schema' },
      request: {
        query: '{ a }',
        operationName: null,
        variables: { slug: 'l’été' },
        extensions: { persistedQuery: { version: 1 } },
        http: { method: 'POST', search: 'x=1', headers: new HeaderMap([['accept', 'application/json'], ['x-a', '1']]) },
      },
      response: { http: { status: undefined as number | undefined, headers: new HeaderMap([['x-b', '2']]) } },
      contextValue: { requestId: 'r' },
      queryHash: 'abc',
      document: { kind: 'Document' },
      source: '{ a }',
      operationName: null,
      operation: { kind: 'OperationDefinition' },
      errors: undefined,
      metrics: { persistedQueryHit: false },
      overallCachePolicy: { maxAge: 1 },
      requestIsBatched: false,
    });
    const fromApollo = serverContext();
    const fromLean = serverContext();
    const a = apolloOwn(fromApollo, server, internals);
    const b = lean(fromLean, server, internals);
    const plain = (c: GatewayGraphQLRequestContext) => {
      const { request, response, ...rest } = c;
      const { http, ...requestRest } = request;
      return {
        ...rest,
        request: { ...requestRest, http: http && { method: http.method, url: http.url, headers: [...(http.headers as unknown as Iterable<[string, string]>)] } },
        response: { status: response!.http!.status, headers: [...(response!.http!.headers as unknown as Iterable<[string, string]>)] },
      };
    };
    // Strictly: a field left out (even one whose value is undefined) fails.
    expect(plain(b)).toStrictEqual(plain(a));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(b.request.http!.url).toBe('https://unknown-url.invalid/?x=1');
    // Written through to the request's own response head, header by header.
    for (const [c, server] of [[a, fromApollo], [b, fromLean]] as const) {
      c.response!.http!.status = 202;
      c.response!.http!.headers.append('x-b', '3');
      c.response!.http!.headers.set('x-c', '4');
      c.response!.http!.headers.delete('x-missing');
      expect(server.response.http.status).toBe(202);
      expect([...server.response.http.headers]).toEqual([['x-b', '2, 3'], ['x-c', '4']]);
      expect(c.request.http!.headers.get('accept')).toBe('application/json');
      expect(c.request.http!.headers.has('x-a')).toBe(true);
      expect(c.request.http!.headers.get('x-none')).toBeNull();
    }
  });
});
