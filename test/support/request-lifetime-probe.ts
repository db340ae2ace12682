/**
 * Run by test/unit/request-lifetime.test.ts in a process of its own, with `--expose-gc`: how
 * many bytes a finished request leaves in the old generation after two young-generation
 * collections. (In a test runner's long-lived worker the heap's history changes the figure.)
 * Prints one JSON line, in bytes, each the median of five tries: `perRequest` (the loaders'
 * memo) beside `weakMapMemo` (the same memo kept in a WeakMap, as it was: the control that
 * shows the measure sees the difference), and `apolloGateway`, Apollo Server handing requests
 * to a gateway (as is with `--apollo-as-is`).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import v8 from 'node:v8';
import { perRequest, type RequestContext } from '../../src/context/request-context';
import { leanGatewayRequestContexts } from '../../src/gateway/gateway-request-context';

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc!;
/** Bytes in use outside the young generation (old, code and large-object spaces alike). */
const oldSpaceUsed = () =>
  v8
    .getHeapSpaceStatistics()
    .filter((s) => !s.space_name.startsWith('new_'))
    .reduce((sum, s) => sum + s.space_used_size, 0);

/** A request's worth of objects: 20,000 small records (about 1.3 MB). */
const bigAnswer = () => Array.from({ length: 20_000 }, (_, i) => ({ id: i, title: `titre ${i}` }));

async function promotedOnce(request: () => Promise<unknown>): Promise<number> {
  gc({ type: 'major' });
  gc({ type: 'major' });
  const before = oldSpaceUsed();
  await request();
  await new Promise((resolve) => setImmediate(resolve));
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  return oldSpaceUsed() - before;
}

/**
 * The median of five tries: anything else the process does meanwhile (a module's first load, a
 * large-object page released late) moves a single try either way.
 */
async function promotedBy(request: () => Promise<unknown>): Promise<number> {
  const tries: number[] = [];
  for (let i = 0; i < 5; i++) tries.push(await promotedOnce(request));
  return tries.sort((a, b) => a - b)[2];
}

const newContext = (): RequestContext => ({ requestId: 'r', now: new Date(), viewer: null, ip: '', headers: {} });

async function main(): Promise<void> {
  const loaders = perRequest(() => ({ rows: bigAnswer() }));
  loaders(newContext());
  const perRequestBytes = await promotedBy(async () => loaders(newContext()).rows.length);
  const kept = new WeakMap<object, { rows: unknown[] }>();
  const weakMapMemo = (ctx: object) => kept.get(ctx) ?? (kept.set(ctx, { rows: bigAnswer() }), kept.get(ctx)!);
  weakMapMemo(newContext());
  const weakMapBytes = await promotedBy(async () => weakMapMemo(newContext()).rows.length);

  if (process.argv[2] !== '--apollo-as-is') leanGatewayRequestContexts();
  const schema = buildSchema('type Query { list: [Item] } type Item { id: Int title: String }');
  const gateway: GatewayInterface = {
    load: async () => ({ executor: async () => ({ data: { list: bigAnswer() } }) }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
  const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const ask = () => server.executeOperation({ query: '{ list { id title } }' });
  await ask();
  const apolloBytes = await promotedBy(async () => void (await ask()));
  await server.stop();
  console.log(JSON.stringify({ perRequest: perRequestBytes, weakMapMemo: weakMapBytes, apolloGateway: apolloBytes }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
