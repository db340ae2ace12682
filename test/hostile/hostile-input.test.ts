import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isNonNullType, type GraphQLField } from 'graphql';
import { FRONT_END_OPERATIONS } from '../limits/page-operations';
import { startAppProcess, type AppProcess } from '../support/app-process';

/**
 * What one anonymous client on the open internet can send, against the supergraph started as
 * the README starts it in production, over a 100k-article database. Every attack must get a
 * clear refusal or a fast answer; meanwhile a probe keeps asking the same process for its
 * health and must always answer within 200 ms, and the process must stay under 500 MB.
 */
const ARTICLES = 100_000;
const DATA_VERSION = 'v1';
const COMMON_WORDS = ['de', 'la', 'le', 'et', 'les', 'des', 'en', 'un', 'du', 'une', 'que', 'est', 'pour', 'qui', 'dans', 'par', 'plus', 'pas', 'au', 'sur'];
const NASTY = [
  "' OR 1=1 --",
  "'; DROP TABLE article; --",
  '" OR ""="',
  'de*',
  '"de" NEAR "la"',
  'title:de OR body:la',
  '(de AND (la OR NOT le)) ^ -les',
  '\\\'\u0000%_',
];
const SERVICE_ENV = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'hostile-suite-secret-0123456789abcdef0123456789',
  MAILER: 'none',
  SEED_DEMO: '0',
  JOBS: '0',
};

/** A 100k-article editorial database, seeded once per machine and reused (seeding takes ~25 s). */
async function seededDataDir(): Promise<string> {
  const dir = path.join(os.tmpdir(), `newsroom-hostile-${ARTICLES}-${DATA_VERSION}`);
  if (fs.existsSync(path.join(dir, 'READY'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const seeder = await startAppProcess('start', { DATA_DIR: dir, SEED_DEMO: '1', DEMO_ARTICLES: String(ARTICLES), JOBS: '0', NODE_ENV: 'development' }, [], 300_000);
  await seeder.stop();
  fs.writeFileSync(path.join(dir, 'READY'), new Date().toISOString());
  return dir;
}

type Answer = { status: number; body: any; text: string };

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* some refusals are not JSON; the status says enough */
  }
  return { status: res.status, body: parsed, text };
}

const query = (url: string, q: string, variables: Record<string, unknown> = {}) => post(url, JSON.stringify({ query: q, variables }));

function codes(answer: Answer): string[] {
  return (answer.body?.errors ?? []).map((e: any) => String(e.extensions?.code));
}

/** A refusal: a 4xx, or a GraphQL error with a code, no data, and never an internal error. */
function expectRefused(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(codes(answer).length).toBeGreaterThan(0);
  expect(codes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  expect(answer.text).not.toMatch(/\bat .+\.ts:\d+/);
}

function nested(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i += 1) inner = i % 2 === 0 ? `children { ${inner} }` : `parent { ${inner} }`;
  return `{ rubric(slug: "maroc") { ${inner} } }`;
}

/** Sends raw bytes on a fresh connection; resolves with what came back and whether the server closed it. */
function rawExchange(port: number, payload: Buffer, waitMs = 5_000): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ response, closed });
    };
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(payload, () => undefined);
    setTimeout(() => finish(false), waitMs);
  });
}

describe('hostile input against the production supergraph (100k articles)', () => {
  let app: AppProcess;
  let probe: ReturnType<typeof startProbe>;
  let memory: { stop(): void; peakMb: number };

  beforeAll(async () => {
    const dir = await seededDataDir();
    app = await startAppProcess('start', { ...SERVICE_ENV, DATA_DIR: dir });
    // A live site has served its pages (and some clients' mistakes) before an attacker comes:
    // compile those paths first, so the probe measures the attacks, not the process's first minute.
    for (let round = 0; round < 3; round += 1) {
      for (const op of Object.values(FRONT_END_OPERATIONS)) await query(app.url, op.query, op.variables);
      await query(app.url, `{ artcle { id } }`);
      await query(app.url, `{ rubric(slug: "maroc") { name `);
    }
    const base = new URL(app.url);
    probe = startProbe(`${base.origin}/healthz`);
    memory = sampleMemory(app);
  }, 400_000);

  beforeEach(() => {
    if (probe) probe.phase = expect.getState().currentTestName ?? 'unknown';
  });

  afterAll(async () => {
    await probe?.stop();
    memory?.stop();
    await app?.stop();
  });

  it('refuses rubric nesting of 13 and 50 levels', async () => {
    expectRefused(await query(app.url, nested(13)));
    expectRefused(await query(app.url, nested(50)));
  });

  it('refuses 1,000 aliases of search(first: 100)', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `s${i}: search(query: "de", first: 100) { nodes { title } }`).join('\n');
    expectRefused(await query(app.url, `{ ${fields} }`));
  });

  it('refuses 20,000 aliased fields before planning them', async () => {
    const fields = Array.from({ length: 20_000 }, (_, i) => `a${i}: __typename`).join(' ');
    expectRefused(await query(app.url, `{ ${fields} }`));
  });

  it('refuses first: 100 nested three levels', async () => {
    expectRefused(
      await query(app.url, `{ rubrics { articles(first: 100) { nodes { related(first: 100) { authors { articles(first: 100) { nodes { title } } } } } } } }`),
    );
  });

  it('refuses circular fragments, directives in bulk and malformed documents', async () => {
    expectRefused(await query(app.url, `{ rubric(slug: "maroc") { ...A } } fragment A on Rubric { children { ...B } } fragment B on Rubric { parent { ...A } }`));
    expectRefused(await query(app.url, `{ __typename ${'@skip(if: false) '.repeat(1000)} }`));
    expectRefused(await query(app.url, `{ rubric(slug: "maroc") { name `));
    expectRefused(await query(app.url, `query A { __typename } query B { __typename }`));
  });

  it('answers huge strings quickly or refuses them', async () => {
    const answer = await query(app.url, `query S($q: String!) { search(query: $q, first: 10) { nodes { title } } }`, { q: 'économie '.repeat(20_000) });
    expect(answer.status).toBeLessThan(500);
    expect(codes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('refuses malformed JSON and invalid UTF-8 with 400', async () => {
    expectRefusedOrBadRequest(await post(app.url, '{"query": "{ __typename }"'));
    const bytes = Buffer.concat([Buffer.from('{"query":"{ search(query: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\", first: 1) { nodes { title } } }"}')]);
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(res.status).toBeLessThan(500);
  });

  it('closes the connection after refusing an oversized body', async () => {
    const port = Number(new URL(app.url).port);
    const body = Buffer.alloc(2 * 1024 * 1024, 'a');
    const head = Buffer.from(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    const { response, closed } = await rawExchange(port, Buffer.concat([head, body]));
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(closed).toBe(true);
  });

  it('keeps SQL and full-text operators inert in every string argument of every root field', async () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
    const fields = Object.values(schema.getQueryType()!.getFields());
    let sent = 0;
    for (const field of fields) {
      for (const arg of field.args) {
        if (getNamedType(arg.type).name !== 'String' && getNamedType(arg.type).name !== 'ID') continue;
        const operation = stringArgumentProbe(field, arg.name);
        if (!operation) continue;
        const answer = await query(app.url, operation.query, operation.variables);
        sent += 1;
        expect({ field: field.name, arg: arg.name, status: answer.status < 500, codes: codes(answer).filter((c) => c === 'INTERNAL_SERVER_ERROR') }).toEqual({
          field: field.name,
          arg: arg.name,
          status: true,
          codes: [],
        });
      }
    }
    expect(sent).toBeGreaterThan(10);
  });

  it('hides introspection and field suggestions in production', async () => {
    expectRefused(await query(app.url, `{ __schema { types { name } } }`));
    const typo = await query(app.url, `{ artcle(slug: "x") { titel } }`);
    expectRefused(typo);
    expect(typo.text).not.toMatch(/Did you mean/i);
  });

  it('answers the 20 most common French words', async () => {
    for (const word of COMMON_WORDS) {
      const answer = await query(app.url, `query S($q: String!) { search(query: $q, first: 10) { nodes { title } } }`, { q: word });
      expect({ word, status: answer.status, codes: codes(answer) }).toEqual({ word, status: 200, codes: [] });
    }
  });

  it('kept answering the probe within 200 ms and stayed under 500 MB throughout', () => {
    expect(probe.failures).toBe(0);
    if (probe.worstMs >= 200) throw new Error(`probe waited ${Math.round(probe.worstMs)} ms; worst per test: ${JSON.stringify(probe.worstByPhase, null, 1)}`);
    expect(memory.peakMb).toBeLessThan(500);
  });
});

function expectRefusedOrBadRequest(answer: Answer): void {
  expect(answer.status).toBe(400);
}

/** An operation putting every nasty string into one string argument of a root field (aliases), or null when it cannot be built. */
function stringArgumentProbe(field: GraphQLField<unknown, unknown>, argName: string): { query: string; variables: Record<string, unknown> } | null {
  const defs: string[] = [];
  const variables: Record<string, unknown> = {};
  const others: string[] = [];
  for (const arg of field.args) {
    if (arg.name === argName || !isNonNullType(arg.type)) continue;
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) return null;
    if (isEnumType(named)) others.push(`${arg.name}: ${named.getValues()[0].name}`);
    else if (named.name === 'Int') others.push(`${arg.name}: 1`);
    else if (named.name === 'Boolean') others.push(`${arg.name}: false`);
    else if (named.name === 'String' || named.name === 'ID') others.push(`${arg.name}: "x"`);
    else return null;
  }
  const argType = getNamedType(field.args.find((a) => a.name === argName)!.type).name;
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  const aliases = NASTY.map((value, i) => {
    defs.push(`$v${i}: ${argType}!`);
    variables[`v${i}`] = value;
    return `n${i}: ${field.name}(${[`${argName}: $v${i}`, ...others].join(', ')}) ${selection}`;
  });
  return { query: `query Probe(${defs.join(', ')}) { ${aliases.join('\n')} }`, variables };
}

/**
 * Asks the process for its health every 25 ms, one request at a time, from a worker thread so
 * that the test's own work (building 20,000-field documents) never delays the probe.
 */
function startProbe(url: string) {
  const state = { worstMs: 0, failures: 0, phase: 'start', worstByPhase: {} as Record<string, number> };
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let running = true;
     parentPort.on('message', () => { running = false; });
     (async () => {
       while (running) {
         const started = performance.now();
         let failed = false;
         try {
           const res = await fetch(workerData.url, { signal: AbortSignal.timeout(5000) });
           await res.text();
           failed = !res.ok;
         } catch { failed = true; }
         parentPort.postMessage({ ms: performance.now() - started, failed });
         await new Promise((r) => setTimeout(r, 25));
       }
       parentPort.close();
     })();`,
    { eval: true, workerData: { url } },
  );
  worker.on('message', (m: { ms: number; failed: boolean }) => {
    state.worstMs = Math.max(state.worstMs, m.ms);
    state.worstByPhase[state.phase] = Math.max(state.worstByPhase[state.phase] ?? 0, Math.round(m.ms));
    if (m.failed) state.failures += 1;
  });
  return {
    get worstMs() {
      return state.worstMs;
    },
    get failures() {
      return state.failures;
    },
    /** The worst latency seen while each test ran, to tell which attack slowed the process. */
    get worstByPhase() {
      return state.worstByPhase;
    },
    set phase(name: string) {
      state.phase = name;
    },
    async stop() {
      worker.postMessage('stop');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

function sampleMemory(app: AppProcess) {
  const state = { peakMb: 0 };
  const timer = setInterval(() => {
    try {
      state.peakMb = Math.max(state.peakMb, app.rssMb());
    } catch {
      /* the process is gone; the other assertions say why */
    }
  }, 50);
  return {
    get peakMb() {
      return state.peakMb;
    },
    stop: () => clearInterval(timer),
  };
}
