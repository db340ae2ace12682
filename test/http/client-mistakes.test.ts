import net from 'node:net';
import { postJson, startHostTestServer } from '../support/http-test-server';
import type { RunningServer } from '../../src/server/graphql-http-server';

type Host = Awaited<ReturnType<typeof startHostTestServer>>;

/**
 * Writes a raw HTTP request on its own socket and collects everything the server sends until
 * it closes the connection (or `giveUpMs` passes: then `closed` is false, which is the bug).
 */
function rawExchange(port: number, head: string, body: Buffer, giveUpMs = 5000): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, closed });
    };
    const timer = setTimeout(() => finish(false), giveUpMs);
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.write(head);
    socket.write(body);
  });
}

async function send(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text), headers: res.headers };
}

describe('client mistakes get a 4xx with a code, never a 500 or a stack trace', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHostTestServer();
  });
  afterAll(() => host?.stop());

  afterEach(() => {
    // Not one of these requests may leave a stack trace or an error-level line in the log.
    expect(host.raw.filter((line) => line.includes('"stack"') || line.includes('    at '))).toEqual([]);
    expect(host.lines.filter((line) => line.level >= 50)).toEqual([]);
    host.lines.length = 0;
    host.raw.length = 0;
  });

  it('answers 413 to a body over 1 MiB and closes the connection, so nothing waits on it', async () => {
    const declared = 2 * 1024 * 1024;
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\nConnection: keep-alive\r\n\r\n`;
    const { response, closed } = await rawExchange(host.port, head, Buffer.alloc(64 * 1024, 0x20));
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response.toLowerCase()).toContain('connection: close');
    expect(response).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(closed).toBe(true);
  });

  it('does the same for a chunked body that grows past 1 MiB without a Content-Length', async () => {
    const head = 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const chunked = Buffer.concat(Array.from({ length: 6 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])));
    const { response, closed } = await rawExchange(host.port, head, chunked);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(closed).toBe(true);
  });

  it('refuses malformed JSON, an empty body and invalid UTF-8 with 400 BAD_REQUEST', async () => {
    const malformed = await send(host.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ hello }"' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: expect.any(String) });
    const empty = await send(host.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    // "{ hello }" with a lone 0xff byte inside a string: not UTF-8, and must not run as if it were.
    const bytes = Buffer.concat([Buffer.from('{"query":"{ hello }","operationName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const invalid = await send(host.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatchObject({ message: 'Request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses a content type it does not speak with 415, and a missing one with a 4xx', async () => {
    const xml = await send(host.url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' });
    expect(xml.status).toBe(415);
    expect(xml.json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const none = await fetch(host.url, { method: 'POST', body: new Uint8Array(Buffer.from('{"query":"{ hello }"}')) });
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });

  it('answers two operations without operationName with a 400 and a code', async () => {
    const res = await postJson(host.url, { query: 'query A { hello } query B { hello }' });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    expect(res.json.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('answers GET without a query, an unparsable query and an unknown path with codes', async () => {
    const noQuery = await send(`${host.url}?foo=1`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
    expect(noQuery.status).toBe(400);
    expect(noQuery.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(noQuery.json.errors[0].extensions.requestId).toBe(noQuery.headers.get('x-request-id'));
    // Apollo refuses this one before it runs the request's pipeline: its id is still the request's.
    const badVariables = await postJson(host.url, { query: '{ hello }', variables: '{}' });
    expect(badVariables.status).toBe(400);
    expect(badVariables.json.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: badVariables.headers.get('x-request-id') });
    const parse = await postJson(host.url, { query: '{ hello' });
    expect(parse.status).toBe(400);
    expect(parse.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await send(host.url.replace('/graphql', '/wp-admin.php'), {});
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps the code and details of a domain error, adding the request id', async () => {
    const res = await postJson(host.url, { query: '{ mistake }' }, { 'x-request-id': 'client-chosen-0001' });
    expect(res.json.errors[0]).toMatchObject({ message: 'That slug is not valid', extensions: { code: 'BAD_USER_INPUT', requestId: 'client-chosen-0001' } });
  });
});

describe('an unexpected failure', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHostTestServer();
  });
  afterAll(() => host?.stop());

  it('is INTERNAL_SERVER_ERROR with the request id and nothing else; the details go to the log under that id', async () => {
    const res = await postJson(host.url, { query: '{ boom hello }' });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.data).toEqual({ boom: null, hello: 'bonjour' });
    expect(res.json.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
    expect(res.text).not.toContain('ECONNREFUSED');
    const logged = host.lines.find((line) => line.msg === 'unexpected error');
    expect(logged).toMatchObject({ level: 50, requestId, err: { message: expect.stringContaining('ECONNREFUSED') } });
  });
});

describe('the request deadline', () => {
  let host: RunningServer;
  beforeAll(async () => {
    host = await startHostTestServer({ requestTimeoutMs: 300 });
  });
  afterAll(() => host?.stop());

  it('answers 504 GATEWAY_TIMEOUT past REQUEST_TIMEOUT_MS instead of letting the client hang, and keeps serving', async () => {
    const late = await postJson(host.url, { query: '{ slow(ms: 3000) }' });
    expect(late.status).toBe(504);
    expect(late.json.errors[0].extensions).toEqual({ code: 'GATEWAY_TIMEOUT', requestId: late.headers.get('x-request-id') });
    const quick = await postJson(host.url, { query: '{ slow(ms: 10) }' });
    expect(quick.status).toBe(200);
    expect(quick.json.data).toEqual({ slow: 'waited 10' });
  });
});
