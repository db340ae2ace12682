import net from 'node:net';
import { createEventChannels, type EventChannels } from '../../src/events/event-channels';
import { createGateway } from '../../src/gateway/create-gateway';
import { gatewayReadiness } from '../../src/gateway/gateway-readiness';
import { startGraphQLServer, type RunningServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP relay on `port` to the real Redis: the broker "comes back" when it starts listening. */
async function relayTo(port: number, target: URL): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

async function readyz(server: RunningServer): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const redisUrl = process.env.TEST_REDIS_URL;

(redisUrl ? describe : describe.skip)('readiness of a gateway run apart', () => {
  let fx: NewsroomFixture;
  let events: EventChannels;
  let gateway: RunningServer;
  let relay: net.Server | undefined;
  let editorial: RunningServer | undefined;
  let brokerPort: number;
  let editorialPort: number;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'readiness', 5);
    brokerPort = await closedPort();
    editorialPort = await closedPort();
    const env = { EVENT_BROKER_URL: `redis://127.0.0.1:${brokerPort}`, SUBGRAPH_EDITORIAL_URL: `http://127.0.0.1:${editorialPort}/graphql` };
    // The broker is down when the gateway starts: it must start anyway, and say it is not ready.
    events = await createEventChannels(env);
    gateway = await startGraphQLServer({ gateway: createGateway({ env }), port: 0, ready: gatewayReadiness({ events, env }) });
  });
  afterAll(async () => {
    await gateway?.stop();
    await events?.close();
    await editorial?.stop();
    await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
    await fx?.stop();
  });

  it('is unavailable, naming the broker and editorial, while they are unreachable; alive all along; ready once they are back', async () => {
    const down = await readyz(gateway);
    expect(down.status).toBe(503);
    expect(down.body.reason).toBe('broker unreachable, subgraph editorial unreachable');
    expect((await fetch(`http://127.0.0.1:${gateway.port}/livez`)).status).toBe(200);

    relay = await relayTo(brokerPort, new URL(redisUrl!));
    // ioredis reconnects on its own (backoff up to 2 s); editorial is still missing.
    const brokerBack = await eventually(() => readyz(gateway), (r) => r.body.reason !== down.body.reason);
    expect(brokerBack).toEqual({ status: 503, body: { status: 'unavailable', reason: 'subgraph editorial unreachable' } });

    editorial = await startSubgraphServer(editorialSubgraph, fx.app.dataSources.get('editorial')!, { port: editorialPort });
    expect(await readyz(gateway)).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
