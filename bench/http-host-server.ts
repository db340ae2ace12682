/**
 * The HTTP host benchmark's servers, in a child process so the load generator does not share
 * their CPU: the gateway with its response cache warm behind the Fastify host, with the access
 * log written (to /dev/null) and with it off, and a bare node:http server answering the same
 * bytes (the practical limit of any host). Prints one JSON line with their URLs when ready.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { openDatabases } from '../src/app/open-databases';
import { ResponseCache } from '../src/cache/response-cache';
import { MemoryResponseCacheStore } from '../src/cache/response-cache-store';
import { createGateway } from '../src/gateway/create-gateway';
import { startGraphQLServer } from '../src/server/graphql-http-server';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import { peersIn } from '../src/subgraphs/subgraph-peers';
import { HOME_PAGE_QUERY } from './home-page.query';

async function main(): Promise<void> {
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const schemas: Record<string, any> = {};
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name)!, {}, peersIn(schemas))).schema;
  const gateway = (logger: pino.Logger) =>
    startGraphQLServer({ gateway: createGateway({ localSchemas: schemas }), port: 0, logger, responseCache: new ResponseCache(new MemoryResponseCacheStore()) });
  const logged = await gateway(pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false })));
  const quiet = await gateway(pino({ level: 'silent' }));
  const answer = await (await fetch(logged.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME_PAGE_QUERY }) })).text();
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(answer));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  console.log(JSON.stringify({ logged: logged.url, quiet: quiet.url, bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, bytes: Buffer.byteLength(answer) }));
}

process.once('SIGTERM', () => process.exit(0));
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
