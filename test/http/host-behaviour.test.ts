import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../src/context/request-context';
import type { HttpRoute } from '../../src/server/plain-routes';
import { postJson, startHostTestServer } from '../support/http-test-server';

type Host = Awaited<ReturnType<typeof startHostTestServer>>;

/** A plain route that reports the client address the host settled on. */
const whoami: HttpRoute = (_req, res, client) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ip: client.ip }));
};

describe('request ids and the access log', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHostTestServer();
  });
  afterAll(() => host?.stop());

  it('keeps a sane incoming x-request-id, sends it back, puts it in errors and in the one access-log line', async () => {
    host.lines.length = 0;
    const res = await postJson(host.url, { query: '{ mistake }' }, { 'x-request-id': 'lb-7f3a9c21.0042' });
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a9c21.0042');
    expect(res.json.errors[0].extensions.requestId).toBe('lb-7f3a9c21.0042');
    const access = host.lines.filter((line) => line.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({ level: 30, requestId: 'lb-7f3a9c21.0042', method: 'POST', path: '/graphql', status: 200, ip: '127.0.0.1', durationMs: expect.any(Number) }),
    ]);
  });

  it('replaces an id that could forge log lines or is too long with a fresh one', async () => {
    for (const forged of ['x\r\n{"level":60}', 'a b c d e f g h', 'z'.repeat(200), 'short']) {
      const res = await fetch(host.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': encodeURI(forged) }, body: '{"query":"{ mistake }"}' });
      const body = (await res.json()) as any;
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.errors[0].extensions.requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('logs the query string of no request (a GET operation may carry anything)', async () => {
    host.lines.length = 0;
    await fetch(`${host.url}?query=${encodeURIComponent('{ hello }')}&variables=${encodeURIComponent('{"password":"hunter2"}')}`, { headers: { 'apollo-require-preflight': '1' } });
    const access = host.lines.find((line) => line.msg === 'request');
    expect(access?.path).toBe('/graphql');
    expect(JSON.stringify(host.lines)).not.toContain('hunter2');
  });
});

describe('proxy trust by hop count (TRUST_PROXY)', () => {
  const forged = { 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 203.0.113.7' };
  const ipOf = async (host: Host, headers: Record<string, string>) => ((await (await fetch(host.url.replace('/graphql', '/whoami'), { headers })).json()) as any).ip;

  it('with no proxy, X-Forwarded-For is ignored', async () => {
    const host = await startHostTestServer({ trustProxyHops: 0, routes: { '/whoami': whoami } });
    try {
      expect(await ipOf(host, forged)).toBe('127.0.0.1');
    } finally {
      await host.stop();
    }
  });

  it('behind one proxy, the client is the entry that proxy appended, whatever the client wrote before it', async () => {
    const host = await startHostTestServer({ trustProxyHops: 1, routes: { '/whoami': whoami } });
    try {
      expect(await ipOf(host, forged)).toBe('203.0.113.7');
      expect(await ipOf(host, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
      expect(await ipOf(host, { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7' })).toBe('203.0.113.7');
    } finally {
      await host.stop();
    }
  });

  it('behind two proxies, one more entry from the right', async () => {
    const host = await startHostTestServer({ trustProxyHops: 2, routes: { '/whoami': whoami } });
    try {
      expect(await ipOf(host, forged)).toBe('198.51.100.1');
    } finally {
      await host.stop();
    }
  });
});

describe('CORS, CSRF prevention and security headers', () => {
  let dev: Host;
  let prod: Host;
  beforeAll(async () => {
    const routes: Record<string, HttpRoute> = {
      '/ide/*': (req, res) => {
        // A page that needs its own scripts sets its own policy over the host's.
        res.setHeader('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'");
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`ide file ${req.url}`);
      },
    };
    dev = await startHostTestServer({ corsOrigins: ['https://www.exemple.fr'], routes });
    prod = await startHostTestServer({ corsOrigins: ['https://www.exemple.fr'], production: true });
  });
  afterAll(async () => {
    await dev?.stop();
    await prod?.stop();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('lets a listed origin call with credentials, preflight and POST', async () => {
    for (const host of [dev, prod]) {
      const pre = await preflight(host.url, 'https://www.exemple.fr');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://www.exemple.fr');
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
      const post = await postJson(host.url, { query: '{ hello }' }, { origin: 'https://www.exemple.fr' });
      expect(post.json.data).toEqual({ hello: 'bonjour' });
      expect(post.headers.get('access-control-allow-origin')).toBe('https://www.exemple.fr');
      expect(post.headers.get('access-control-expose-headers')).toContain('x-request-id');
    }
  });

  it('in development lets localhost on any port call, without credentials', async () => {
    const pre = await preflight(dev.url, 'http://localhost:3000');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await postJson(dev.url, { query: '{ hello }' }, { origin: 'http://127.0.0.1:5173' });
    expect(post.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  it('gives any other origin (and localhost in production) no Access-Control-Allow-* header', async () => {
    for (const [host, origin] of [[dev, 'https://evil.example'], [prod, 'http://localhost:3000'], [dev, 'https://www.exemple.fr.evil.example']] as const) {
      const pre = await preflight(host.url, origin);
      expect(pre.status).toBeGreaterThanOrEqual(400);
      const post = await postJson(host.url, { query: '{ hello }' }, { origin });
      const allow = [...pre.headers.keys(), ...post.headers.keys()].filter((name) => name.startsWith('access-control-allow'));
      expect(allow).toEqual([]);
    }
  });

  it("keeps Apollo's CSRF prevention for simple requests a browser sends without a preflight", async () => {
    const res = await fetch(dev.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ hello }"}' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('sends security headers on every response, and lets a route set its own Content-Security-Policy', async () => {
    const responses = [
      await fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' }),
      await fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      await fetch(prod.url.replace('/graphql', '/nothing-here')),
      await fetch(prod.url.replace('/graphql', '/livez')),
      await fetch(dev.url.replace('/graphql', '/ide/index.html')),
    ];
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    }
    expect(responses[0].headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(responses[4].headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self' 'unsafe-inline'");
    // In development /graphql sends no policy, for Apollo's landing page; every other header stays.
    const devGraphql = await fetch(dev.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' });
    expect(devGraphql.headers.get('content-security-policy')).toBeNull();
    expect(devGraphql.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves every path under a route key ending in /*', async () => {
    const deep = await fetch(dev.url.replace('/graphql', '/ide/assets/main.js?v=3'));
    expect(await deep.text()).toBe('ide file /ide/assets/main.js?v=3');
    expect((await fetch(dev.url.replace('/graphql', '/idea'))).status).toBe(404);
  });
});

describe('health, readiness and plugins', () => {
  it('answers /livez and /healthz while alive, and /readyz 503 while the readiness check fails', async () => {
    let verdict: boolean | string = 'editorial database unreachable';
    const host = await startHostTestServer({ ready: async () => verdict });
    const base = host.url.replace('/graphql', '');
    try {
      expect((await fetch(`${base}/livez`)).status).toBe(200);
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', reason: 'editorial database unreachable' });
      verdict = false;
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      verdict = true;
      const up = await fetch(`${base}/readyz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: 'ready' });
    } finally {
      await host.stop();
    }
  });

  it('runs the Apollo plugins it is given, with the request context', async () => {
    const seen: string[] = [];
    const plugin: ApolloServerPlugin<RequestContext> = {
      async requestDidStart({ contextValue }) {
        seen.push(contextValue.requestId);
        return {
          async willSendResponse({ response }) {
            if (response.body.kind === 'single') response.body.singleResult.extensions = { cost: 7 };
          },
        };
      },
    };
    const host = await startHostTestServer({ plugins: [plugin] });
    try {
      const res = await postJson(host.url, { query: '{ hello }' }, { 'x-request-id': 'plugin-test-0001' });
      expect(res.json).toEqual({ data: { hello: 'bonjour' }, extensions: { cost: 7 } });
      expect(seen).toEqual(['plugin-test-0001']);
    } finally {
      await host.stop();
    }
  });
});

describe('graceful drain', () => {
  it('lets a request in flight finish, then stops accepting connections', async () => {
    let executing!: () => void;
    const started = new Promise<void>((resolve) => (executing = resolve));
    const plugin: ApolloServerPlugin<RequestContext> = {
      async requestDidStart() {
        return { async executionDidStart() { executing(); } };
      },
    };
    const host = await startHostTestServer({ drainTimeoutMs: 5000, plugins: [plugin] });
    const inFlight = postJson(host.url, { query: '{ slow(ms: 400) }' });
    await started;
    const stopped = host.stop();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ slow: 'waited 400' });
    // Told to go elsewhere next time rather than kept alive on a closing server.
    expect(answer.headers.get('connection')).toBe('close');
    await stopped;
    await expect(fetch(host.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' })).rejects.toThrow();
  });
});
