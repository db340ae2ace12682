/**
 * One side of `npm run bench:tracing`: the whole supergraph in this process behind the HTTP
 * host, the home page asked through Fastify's `inject` (the route handler, Apollo Server, the
 * gateway and every subgraph, without sockets). Loads the code of `--root` (this checkout or
 * another, e.g. main's, for a baseline) and turns tracing on with `--trace on` (the endpoint
 * comes from OTEL_EXPORTER_OTLP_ENDPOINT). Reads "warm N" / "run N" lines on stdin and answers
 * each with a JSON line of the CPU ms per page it measured in this process (export included).
 */
import 'reflect-metadata';
import path from 'node:path';
import readline from 'node:readline';
import pino from 'pino';
import type { GraphQLSchema } from 'graphql';
import { argValue } from '../src/cli/args';
import { HOME_PAGE_QUERY } from './home-page.query';
import { cpuMsPerRun } from './bench-support';

async function main(): Promise<void> {
  const root = path.resolve(argValue('--root') ?? path.join(__dirname, '..'));
  const load = (file: string) => require(path.join(root, file));
  const tracing = argValue('--trace') === 'on' ? load('src/observability/tracing.ts').startTracing('bench') : undefined;
  if (argValue('--trace') === 'on' && !tracing) throw new Error('--trace on needs OTEL_EXPORTER_OTLP_ENDPOINT');
  // The home page asks editorial only; the other subgraphs would just add their background work.
  const modules = [load('src/subgraphs/subgraph-modules.ts').subgraphModules().editorial];
  const dataSources = await load('src/app/open-databases.ts').openDatabases(modules);
  const schemas: Record<string, GraphQLSchema> = {};
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name), {}, load('src/subgraphs/subgraph-peers.ts').NO_PEERS)).schema;
  const server = await load('src/server/graphql-http-server.ts').startGraphQLServer({
    gateway: load('src/gateway/create-gateway.ts').createGateway({ localSchemas: schemas }),
    port: 0,
    logger: pino({ level: 'silent' }),
    tracer: tracing?.tracer,
  });
  const payload = JSON.stringify({ query: HOME_PAGE_QUERY });
  const page = async () => {
    const res = await server.fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
    if (res.statusCode !== 200 || res.body.includes('"errors"')) throw new Error(res.body.slice(0, 500));
  };
  const lines = readline.createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) {
    const [command, count] = line.split(' ');
    if (command === 'stop') break;
    let done = 0;
    // The spans of these pages leave with the last one, inside the measurement.
    const cpuMs = await cpuMsPerRun(Number(count), async () => {
      await page();
      if (++done === Number(count)) await tracing?.flush();
    });
    process.stdout.write(`${JSON.stringify({ cpuMs })}\n`);
  }
  await server.stop();
  await tracing?.shutdown();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
