import { scratchTargets } from '../support/backends';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';

/** The OTLP/HTTP port an exporter posts to when nothing says otherwise. */
const DEFAULT_OTLP_PORT = 4318;
const QUERY = 'query TracedArticles { articles(first: 1) { nodes { id } } }';

/** `npm run subgraph -- editorial` and `npm run gateway` as processes, with `env` on both. */
async function startPair(databaseFile: string, env: Record<string, string>) {
  // NODE_ENV as an operator runs them, not jest's `test`: Apollo Server treats signals differently under `test`.
  const common = { NODE_ENV: 'development', EDITORIAL_DATABASE_URL: `sqlite:${databaseFile}`, RESPONSE_CACHE: 'off', ...env };
  const editorial = await startServiceProcess({ name: 'editorial', kind: 'subgraph', env: common, readyTimeoutMs: 60_000 });
  const gateway = await startServiceProcess({ name: 'gateway', kind: 'gateway', env: { ...common, SUBGRAPH_EDITORIAL_URL: editorial.url }, readyTimeoutMs: 60_000 }).catch(async (err) => {
    await editorial.kill();
    throw err;
  });
  return { editorial, gateway, stop: async () => Promise.all([gateway.kill('SIGTERM'), editorial.kill('SIGTERM')]) };
}

async function ask(gateway: ServiceProcess, requestId: string, headers: Record<string, string> = {}) {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
}

/** Traces of one request through a gateway and a subgraph run apart, and none when tracing is not configured. */
describe('OpenTelemetry traces across the gateway and a subgraph', () => {
  const scratch = scratchTargets('sqlite', 'traces', ['editorial']);
  const databaseFile = () => {
    const target = scratch.targets.editorial!;
    return target.kind === 'sqlite' ? target.file : '';
  };
  afterAll(() => scratch.cleanup());

  it('links the subgraph span to the gateway fetch that called it, with the request id and the operation', async () => {
    const receiver = await startOtlpReceiver();
    const pair = await startPair(databaseFile(), { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const requestId = 'trace-test-request-0001';
    try {
      // A client's traceparent is not followed: the gateway is where a trace starts.
      await ask(pair.gateway, requestId, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
      // Nor is the traceparent of a call to a subgraph that the gateway did not sign (refused).
      const unsigned = await fetch(pair.editorial.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-test-unsigned-0001', traceparent: '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(unsigned.status).toBe(401);
    } finally {
      // The graceful drain exports what is still buffered.
      await pair.stop();
      await receiver.close();
    }
    const refused = receiver.spans.find((s) => s.attributes['newsroom.request_id'] === 'trace-test-unsigned-0001');
    expect(refused).toMatchObject({ service: 'newsroom-editorial', parentSpanId: undefined, attributes: { 'http.response.status_code': 401 } });
    expect(refused!.traceId).not.toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    const spans = receiver.spans.filter((s) => s !== refused);
    const output = () => `${pair.gateway.output()}\n${pair.editorial.output()}\n${JSON.stringify(spans, null, 1)}`;
    const at = (service: string) => spans.filter((s) => s.service === service);
    const gatewayServer = at('newsroom-gateway').find((s) => s.name === 'POST /graphql');
    const fetchSpan = at('newsroom-gateway').find((s) => s.name === 'gateway.fetch' && s.attributes.service === 'editorial');
    const editorialServer = at('newsroom-editorial').find((s) => s.name === 'POST /graphql');
    if (!gatewayServer || !fetchSpan || !editorialServer) throw new Error(`missing spans:\n${output()}`);

    // One trace from the client's request to the subgraph, started at the gateway.
    expect(new Set(spans.map((s: ReceivedSpan) => s.traceId))).toEqual(new Set([gatewayServer.traceId]));
    expect(gatewayServer.traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
    expect(gatewayServer.parentSpanId).toBeUndefined();
    expect(gatewayServer.kind).toBe(2); // SERVER
    // Apollo Gateway's own spans hang under the request's: request → execute → fetch.
    const gatewayRequest = at('newsroom-gateway').find((s) => s.name === 'gateway.request')!;
    expect(gatewayRequest.parentSpanId).toBe(gatewayServer.spanId);
    expect(at('newsroom-gateway').map((s) => s.spanId)).toContain(fetchSpan.parentSpanId);
    // The subgraph's span is the child of the gateway's fetch span, across the signed HTTP call.
    expect(editorialServer.parentSpanId).toBe(fetchSpan.spanId);
    expect(editorialServer.kind).toBe(2);

    // The request id of the logs and error extensions, and the operation, on both sides.
    expect(gatewayServer.attributes).toMatchObject({
      'newsroom.request_id': requestId,
      'graphql.operation.name': 'TracedArticles',
      'graphql.operation.type': 'query',
      'http.response.status_code': 200,
    });
    expect(editorialServer.attributes).toMatchObject({
      'newsroom.request_id': requestId,
      'graphql.operation.name': 'TracedArticles__editorial__0',
      'http.response.status_code': 200,
    });
  }, 90_000);

  it('exports nothing when no endpoint is configured', async () => {
    // Where an exporter would post by default: a process tracing without being told where would show up here.
    const receivers: OtlpReceiver[] = [await startOtlpReceiver(DEFAULT_OTLP_PORT, '127.0.0.1')];
    await startOtlpReceiver(DEFAULT_OTLP_PORT, '::1').then(
      (r) => receivers.push(r),
      () => undefined, // no IPv6 loopback here
    );
    const pair = await startPair(databaseFile(), { OTEL_SERVICE_NAME: 'newsroom-untraced', OTEL_TRACES_SAMPLER: 'always_on' });
    try {
      await ask(pair.gateway, 'trace-test-request-0002');
    } finally {
      await pair.stop();
    }
    await Promise.all(receivers.map((r) => r.close()));
    expect(receivers.map((r) => r.posts)).toEqual(receivers.map(() => 0));
  }, 90_000);
});
