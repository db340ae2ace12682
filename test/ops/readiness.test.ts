import { createEventChannels, type EventChannels } from '../../src/events/event-channels';
import type { RunningServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { discussionSubgraph } from '../../src/subgraphs/discussion.subgraph';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { closedPort, relayTo, type TcpRelay } from '../support/tcp-relay';

async function readyz(server: { port: number }): Promise<{ status: number; body: { status: string; reason?: string } }> {
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

(redisUrl ? describe : describe.skip)('readiness of processes run apart', () => {
  let fx: NewsroomFixture;
  let events: EventChannels;
  let gateway: ServiceProcess;
  let discussion: RunningServer | undefined;
  let relay: TcpRelay | undefined;
  let editorial: RunningServer | undefined;
  let brokerPort: number;
  let editorialPort: number;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'readiness', 5);
    brokerPort = await closedPort();
    editorialPort = await closedPort();
    const env = { EVENT_BROKER_URL: `redis://127.0.0.1:${brokerPort}`, SUBGRAPH_EDITORIAL_URL: `http://127.0.0.1:${editorialPort}/graphql` };
    // The broker is down when the gateway (`npm run gateway`) starts: it must start anyway, and say it is not ready.
    gateway = await startServiceProcess({ name: 'gateway', kind: 'gateway', env });
    events = await createEventChannels(env);
  });
  afterAll(async () => {
    await gateway?.kill();
    await discussion?.stop();
    await events?.close();
    await editorial?.stop();
    await relay?.close();
    await fx?.stop();
  });

  it('a subgraph is unavailable while its broker is unreachable, and ready once it is back', async () => {
    const brokerDown = await readyz(gateway);
    expect(brokerDown.body.reason).toMatch(/^broker unreachable/);
    discussion = await startSubgraphServer(discussionSubgraph, fx.app.dataSources.get('discussion')!, { port: 0, config: { events } });
    expect(await readyz(discussion)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'broker unreachable' } });
    relay = await relayTo(brokerPort, new URL(redisUrl!));
    expect(await eventually(() => readyz(discussion!), (r) => r.status === 200)).toEqual({ status: 200, body: { status: 'ready' } });
    await discussion.stop();
    discussion = undefined;
    await relay.close();
    relay = undefined;
  });

  it('the gateway is unavailable, naming the broker and editorial, while they are unreachable; alive all along; ready once they are back', async () => {
    // The broker went away again at the end of the previous test (the relay cut its connections).
    const down = await eventually(() => readyz(gateway), (r) => r.body.reason?.startsWith('broker') ?? false);
    expect(gateway.alive()).toBe(true);
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', reason: 'broker unreachable, subgraph editorial unreachable' } });
    expect((await fetch(`http://127.0.0.1:${gateway.port}/livez`)).status).toBe(200);

    relay = await relayTo(brokerPort, new URL(redisUrl!));
    // ioredis reconnects on its own (backoff up to 2 s); editorial is still missing.
    const brokerBack = await eventually(() => readyz(gateway), (r) => r.body.reason !== down.body.reason);
    expect(brokerBack).toEqual({ status: 503, body: { status: 'unavailable', reason: 'subgraph editorial unreachable' } });

    editorial = await startSubgraphServer(editorialSubgraph, fx.app.dataSources.get('editorial')!, { port: editorialPort });
    expect(await readyz(gateway)).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
