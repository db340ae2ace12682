import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../src/auth/roles';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { readLimitsConfig } from '../../src/limits/limits-config';
import { parsePersistedManifest, sha256Hex } from '../../src/persisted/persisted-manifest';
import { persistedQueryCache } from '../../src/persisted/persisted-query-cache';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, signInAs, type SignedIn } from '../support/sign-in';
import { HOME_PAGE_QUERY, SEARCH_PAGE_QUERY } from './page-operations';

type Answer = { status: number; headers: Headers; body: any };

const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } });

async function post(url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A GET a CDN can cache: only the hash and the variables in the URL. */
async function getPersisted(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams({ extensions: JSON.stringify(persisted(query)) });
  if (variables) search.set('variables', JSON.stringify(variables));
  // Apollo Server's CSRF prevention wants a header a browser cannot send cross-site without preflight.
  const res = await fetch(`${url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e: any) => e.extensions?.code);

describe('automatic persisted queries through the gateway', () => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'apq', 20, {
      operationGuards: gatewayOperationGuards(readLimitsConfig({ RATE_LIMIT: 'off', APQ_CACHE_BYTES: '4000' })),
    });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('registers an operation sent with its hash, then answers the hash alone, by POST and by GET', async () => {
    const variables = { query: 'economie' };
    expect(codes(await getPersisted(fx.url, SEARCH_PAGE_QUERY, variables))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(fx.url, { query: SEARCH_PAGE_QUERY, variables, extensions: persisted(SEARCH_PAGE_QUERY) });
    expect(registered.status).toBe(200);
    expect(registered.body.data.search).toBeDefined();
    const byGet = await getPersisted(fx.url, SEARCH_PAGE_QUERY, variables);
    expect(byGet.status).toBe(200);
    expect(byGet.body.data).toEqual(registered.body.data);
    expect(byGet.body.extensions.cost).toBe(registered.body.extensions.cost);
    const byPost = await post(fx.url, { variables, extensions: persisted(SEARCH_PAGE_QUERY) });
    expect(byPost.body.data).toEqual(registered.body.data);
  });

  it('refuses a hash that does not match the document', async () => {
    const res = await post(fx.url, { query: '{ homePage { id } }', extensions: persisted('{ rubrics { id } }') });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_REQUEST']);
    const version = await post(fx.url, { extensions: { persistedQuery: { version: 2, sha256Hash: sha256Hex('{ a }') } } });
    expect(version.status).toBe(400);
    expect(codes(version)).toEqual(['BAD_REQUEST']);
  });

  it('does not register what the limits refuse', async () => {
    const deep = `{ rubric(slug: "monde") { ${'children { parent { '.repeat(7)}name${' } }'.repeat(7)} } }`;
    expect(codes(await post(fx.url, { query: deep, extensions: persisted(deep) }))).toEqual(['QUERY_TOO_DEEP']);
    expect(codes(await post(fx.url, { extensions: persisted(deep) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('keeps registered documents within APQ_CACHE_BYTES, evicting the oldest', async () => {
    // Three documents of ~1,500 bytes in a 4,000-byte cache: the first is evicted.
    const docs = [1, 2, 3].map((n) => `query Padded${n} { homePage { id } }\n#${'x'.repeat(1500)}`);
    for (const doc of docs) expect((await post(fx.url, { query: doc, extensions: persisted(doc) })).status).toBe(200);
    expect(codes(await post(fx.url, { extensions: persisted(docs[0]) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes(await post(fx.url, { extensions: persisted(docs[2]) }))).toEqual([]);
  });
});

describe('trusted documents (PERSISTED_OPERATIONS=only)', () => {
  let fx: NewsroomFixture;
  let dir: string;
  let reader: SignedIn;
  let editor: SignedIn;
  const FREE = '{ rubrics { name } }';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-manifest-'));
    const manifest = path.join(dir, 'manifest.json');
    fs.writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [HOME_PAGE_QUERY, SEARCH_PAGE_QUERY].map((body) => ({ id: sha256Hex(body), name: 'op', type: 'query', body })),
      }),
    );
    fx = await startNewsroomFixture('sqlite', 'trusted_documents', 20, {
      operationGuards: gatewayOperationGuards(
        readLimitsConfig({ RATE_LIMIT: 'off', PERSISTED_OPERATIONS: 'only', PERSISTED_OPERATIONS_MANIFEST: manifest }),
      ),
    });
    await prepareAccounts(fx);
    reader = await signInAs(fx, []);
    editor = await signInAs(fx, [Role.Editor]);
  });
  afterAll(async () => {
    await fx?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs registered operations by hash (GET or POST) or by their exact text', async () => {
    const byGet = await getPersisted(fx.url, HOME_PAGE_QUERY);
    expect(byGet.body.errors).toBeUndefined();
    expect(byGet.status).toBe(200);
    expect(byGet.body.data.homePage.rubricBlocks.length).toBeGreaterThan(0);
    const byText = await post(fx.url, { query: HOME_PAGE_QUERY });
    expect(byText.body.data).toEqual(byGet.body.data);
    expect((await post(fx.url, { variables: { query: 'monde' }, extensions: persisted(SEARCH_PAGE_QUERY) })).body.data.search).toBeDefined();
  });

  it('refuses any other operation from anonymous clients and readers, and does not register it', async () => {
    for (const headers of [{}, reader.headers]) {
      const free = await post(fx.url, { query: FREE }, headers);
      expect(free.status).toBe(400);
      expect(codes(free)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
      expect(free.body.data).toBeUndefined();
      expect(codes(await post(fx.url, { query: FREE, extensions: persisted(FREE) }, headers))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    }
    expect(codes(await getPersisted(fx.url, FREE))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it("lets staff send free operations (the editors' admin), without opening them to the public", async () => {
    const asEditor = await post(fx.url, { query: FREE, extensions: persisted(FREE) }, editor.headers);
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.data.rubrics.length).toBeGreaterThan(0);
    // Registered by an editor through APQ, still not for anonymous clients.
    expect(codes(await getPersisted(fx.url, FREE))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect((await getPersisted(fx.url, FREE, undefined, editor.headers)).status).toBe(200);
  });
});

describe('persisted operation manifests and the APQ cache', () => {
  it('refuse an entry whose id is not the sha256 of its document', () => {
    expect(() => parsePersistedManifest(JSON.stringify({ [sha256Hex('{ a }')]: '{ b }' }))).toThrow(/not the sha256/);
    expect(parsePersistedManifest(JSON.stringify({ [sha256Hex('{ a }')]: '{ a }' })).get(sha256Hex('{ a }'))).toBe('{ a }');
  });

  it('keep manifest entries whatever clients register', async () => {
    const doc = '{ homePage { id } }';
    const cache = persistedQueryCache({ maxBytes: 2000, manifest: new Map([[sha256Hex(doc), doc]]) });
    for (let i = 0; i < 50; i++) await cache.set(`h${i}`, 'y'.repeat(500));
    expect(await cache.get(sha256Hex(doc))).toBe(doc);
    expect(await cache.get('h0')).toBeUndefined();
    expect(await cache.get('h49')).toBe('y'.repeat(500));
  });
});
