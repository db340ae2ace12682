import { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error';

/**
 * Every environment variable the project reads, in one place: its type, default, what it does
 * and which processes read it. `loadSettings` validates them all at start (see
 * `src/cli/*.ts`), so a wrong value stops the process with one line naming the variable
 * instead of failing later in the middle of a request. The README's configuration table lists
 * the same names; test/config/settings.test.ts keeps the table, this list and the code in step.
 */
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['0', '1', 'on', 'off', 'true', 'false']);

/** Whether a flag setting's value turns it off (`0`, `off`, `false`); unset is not off. */
export function flagOff(value: string | undefined): boolean {
  return value === '0' || value === 'off' || value === 'false';
}
const url = z.string().url();

type Setting = { schema: z.ZodType; default?: string; readBy: string; doc: string };

export const SETTINGS = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']), default: 'development', readBy: 'all', doc: '`production` turns off the IDE, introspection and field suggestions, and requires `AUTH_SECRET` and a real mailer.' },
  PORT: { schema: int(0, 65535), default: '4000', readBy: 'start, gateway, subgraph', doc: 'Port to listen on (a subgraph run alone defaults to its own port, 4001–4004).' },
  HOST: { schema: z.string().min(1), default: '0.0.0.0 (start, gateway), 127.0.0.1 (subgraph)', readBy: 'start, gateway, subgraph', doc: 'Interface to bind.' },
  DATABASE_URL: { schema: url, readBy: 'start, subgraph, migrate, seed', doc: 'MySQL/MariaDB URL for every subgraph; unset means SQLite files under `DATA_DIR`.' },
  EDITORIAL_DATABASE_URL: { schema: url, readBy: 'start, subgraph, migrate, seed', doc: 'Own database for the editorial subgraph (likewise `ACCOUNTS_`, `DISCUSSION_`, `AUDIENCE_DATABASE_URL`).' },
  ACCOUNTS_DATABASE_URL: { schema: url, readBy: 'start, subgraph, migrate, seed', doc: 'Own database for the accounts subgraph.' },
  DISCUSSION_DATABASE_URL: { schema: url, readBy: 'start, subgraph, migrate, seed', doc: 'Own database for the discussion subgraph.' },
  AUDIENCE_DATABASE_URL: { schema: url, readBy: 'start, subgraph, migrate, seed', doc: 'Own database for the audience subgraph.' },
  READ_REPLICA_URLS: { schema: z.string().min(1), readBy: 'start, subgraph', doc: 'Comma-separated MySQL URLs of read replicas of `DATABASE_URL`: public reads go there, writes and read-your-own-writes to the primary.' },
  EDITORIAL_READ_REPLICA_URLS: { schema: z.string().min(1), readBy: 'start, subgraph', doc: 'Replicas of the editorial database only (likewise `ACCOUNTS_`, `DISCUSSION_`, `AUDIENCE_READ_REPLICA_URLS`).' },
  ACCOUNTS_READ_REPLICA_URLS: { schema: z.string().min(1), readBy: 'start, subgraph', doc: 'Replicas of the accounts database only.' },
  DISCUSSION_READ_REPLICA_URLS: { schema: z.string().min(1), readBy: 'start, subgraph', doc: 'Replicas of the discussion database only.' },
  AUDIENCE_READ_REPLICA_URLS: { schema: z.string().min(1), readBy: 'start, subgraph', doc: 'Replicas of the audience database only.' },
  READ_YOUR_WRITES_MS: { schema: int(0), default: '2000', readBy: 'start, subgraph', doc: 'After a mutation, how long the same client (user, service or address) reads from the primary.' },
  DATA_DIR: { schema: z.string().min(1), default: './data', readBy: 'start, subgraph, migrate, seed', doc: 'Folder of the SQLite files.' },
  DB_POOL_SIZE: { schema: int(1, 1000), default: '10', readBy: 'start, subgraph', doc: 'MySQL connections per subgraph.' },
  DB_STATEMENT_TIMEOUT_MS: { schema: int(0), default: 'off', readBy: 'start, subgraph', doc: 'Time limit of every statement on pooled MySQL connections (off by default: migrations and exports run long).' },
  SEARCH_STATEMENT_TIMEOUT_MS: { schema: int(1), default: '1000', readBy: 'start, subgraph', doc: 'Time limit of each search statement on MySQL/MariaDB; past it the search answers `SEARCH_TIMEOUT`.' },
  LOG_SQL: { schema: flag, default: '0', readBy: 'all', doc: '`1` prints every SQL statement.' },
  AUTH_SECRET: { schema: z.string().min(32), readBy: 'all', doc: 'Key that signs access tokens, the same in every process; required in production (at least 32 characters).' },
  SUBGRAPH_SECRET: { schema: z.string().min(32), default: 'derived from `AUTH_SECRET`', readBy: 'all', doc: 'Key with which gateways sign, and subgraphs verify, every subgraph call.' },
  SITE_URL: { schema: url, default: 'https://www.newsroom.example', readBy: 'start, accounts, editorial', doc: 'Public site address used in links (mails, share links).' },
  MEDIA_BASE_URL: { schema: url, default: 'https://images.newsroom.example', readBy: 'start, editorial', doc: 'Image server address for renditions.' },
  REDIS_URL: { schema: url, readBy: 'start, gateway, subgraph', doc: 'Redis shared by every process: response cache, rate limits, throttles.' },
  RESPONSE_CACHE: { schema: flag, default: 'on', readBy: 'start, gateway', doc: '`off` disables the anonymous full-response cache.' },
  RESPONSE_CACHE_PREFIX: { schema: z.string(), default: 'newsroom:rc:', readBy: 'start, gateway', doc: 'Key prefix of the response cache in Redis.' },
  CORS_ORIGINS: { schema: z.string(), default: 'none (development: any localhost origin)', readBy: 'start, gateway, subgraph', doc: 'Comma-separated origins allowed to call the API from a browser, with credentials.' },
  REQUEST_TIMEOUT_MS: { schema: int(1), default: '5000', readBy: 'start, gateway, subgraph', doc: 'Deadline of one request: past it the client gets 504 `GATEWAY_TIMEOUT`.' },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info (silent in tests)', readBy: 'all', doc: 'Level of the JSON logs (one access-log line per request at info).' },
  METRICS: { schema: flag, default: 'on', readBy: 'start, gateway, subgraph', doc: '`off` serves no `/metrics` (Prometheus text format: requests and latency per operation, cache hits, refusals, SQL statements, loader batch sizes, outbox lag, Node\'s own); keep that path off the public edge.' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { schema: url, default: 'unset: tracing off', readBy: 'start, gateway, subgraph', doc: 'OpenTelemetry collector (OTLP over HTTP, JSON): set, the process exports traces to `<url>/v1/traces` (see "Traces").' },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { schema: url, readBy: 'start, gateway, subgraph', doc: 'Full URL traces are posted to, instead of `OTEL_EXPORTER_OTLP_ENDPOINT`; set, it also turns tracing on.' },
  OTEL_EXPORTER_OTLP_HEADERS: { schema: z.string().regex(/^[^=,]+=[^,]*(,[^=,]+=[^,]*)*$/, 'must be name=value pairs separated by commas'), readBy: 'start, gateway, subgraph (the OpenTelemetry exporter)', doc: 'Headers sent with every export, e.g. `authorization=Bearer …` for a hosted collector.' },
  OTEL_SERVICE_NAME: { schema: z.string().min(1), default: '`newsroom` (start), `newsroom-gateway`, `newsroom-<subgraph>`', readBy: 'start, gateway, subgraph', doc: 'The `service.name` of this process\'s spans.' },
  OTEL_TRACES_SAMPLER: { schema: z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']), default: 'parentbased_always_on', readBy: 'start, gateway, subgraph (the OpenTelemetry SDK)', doc: 'Which traces are recorded; keep a `parentbased_` sampler on subgraphs so they follow the gateway\'s choice.' },
  OTEL_TRACES_SAMPLER_ARG: { schema: z.coerce.number().min(0).max(1), default: '1', readBy: 'start, gateway, subgraph (the OpenTelemetry SDK)', doc: 'The ratio of `traceidratio` samplers, e.g. `0.05` records one request in twenty.' },
  LOG_REPEAT_LIMIT: { schema: int(1), default: '10', readBy: 'all', doc: 'Identical error lines (same message, code and source) written per window; the rest are counted into one summary line with `suppressed`.' },
  LOG_REPEAT_WINDOW_MS: { schema: int(100), default: '10000', readBy: 'all', doc: 'The window of `LOG_REPEAT_LIMIT`.' },
  RESPONSE_CACHE_MAX_BYTES: { schema: int(1), default: '67108864', readBy: 'start, gateway', doc: 'Byte budget of the in-memory response cache (least recently used out first; an answer over 2 MiB is never stored).' },
  TRUST_PROXY: { schema: int(0, 10), default: '0', readBy: 'start, gateway', doc: 'Number of proxies in front whose `X-Forwarded-For` entries are trusted (counted from the right).' },
  APOLLO_TELEMETRY_DISABLED: { schema: flag, default: 'true', readBy: 'start, gateway', doc: "Apollo Gateway's own telemetry (cloud metadata addresses probed at start, then usage metrics sent to Apollo every minute): off unless set to `false` (or `0`, `off`)." },
  SUBGRAPH_EDITORIAL_URL: { schema: url, readBy: 'gateway, subgraph', doc: 'Where the gateway (and other subgraphs) reach editorial when it runs apart (likewise `SUBGRAPH_ACCOUNTS_URL`, …); default: the URL in the supergraph.' },
  SUBGRAPH_ACCOUNTS_URL: { schema: url, readBy: 'gateway, subgraph', doc: 'Where accounts is reached when it runs apart.' },
  SUBGRAPH_DISCUSSION_URL: { schema: url, readBy: 'gateway, subgraph', doc: 'Where discussion is reached when it runs apart.' },
  SUBGRAPH_AUDIENCE_URL: { schema: url, readBy: 'gateway, subgraph', doc: 'Where audience is reached when it runs apart.' },
  RATE_LIMIT: { schema: z.enum(['on', 'off']), default: 'on', readBy: 'start, gateway', doc: '`off` turns the gateway\'s cost-weighted rate limits off.' },
  COST_DEFAULT_LIST_SIZE: { schema: int(1), default: '20', readBy: 'start, gateway', doc: 'Size the cost model assumes for a list no `first`/`limit` argument sizes.' },
  PERSISTED_OPERATIONS: { schema: z.enum(['apq', 'only', 'off']), default: 'apq', readBy: 'start, gateway', doc: '`apq`: automatic persisted queries (POST or GET); `only`: public clients may run only the operations of the manifest; `off`.' },
  PERSISTED_OPERATIONS_MANIFEST: { schema: z.string().min(1), readBy: 'start, gateway', doc: 'JSON manifest of trusted operations (sha256 → document, or Apollo\'s manifest format); required with `PERSISTED_OPERATIONS=only`.' },
  PERSISTED_OPERATIONS_FREE: { schema: z.string(), default: 'staff,service', readBy: 'start, gateway', doc: 'Client classes that may still send operations outside the manifest in `only` mode.' },
  APQ_CACHE_BYTES: { schema: int(1024), default: '16777216', readBy: 'start, gateway', doc: 'Bound of the automatic-persisted-query cache, in bytes of stored documents.' },
  SUBGRAPH_TIMEOUT_MS: { schema: int(1), default: '3000', readBy: 'start, gateway, subgraph', doc: 'How long the gateway (and a subgraph asking another) waits for one subgraph call before answering its fields with `SUBGRAPH_TIMEOUT`.' },
  EVENT_BROKER_URL: { schema: url, readBy: 'start, gateway, subgraph, scheduler', doc: 'Redis server whose streams carry content events between the processes of a fleet; unset keeps them in the process.' },
  EVENT_STREAM: { schema: z.string().min(1), default: 'newsroom:content-events', readBy: 'start, gateway, subgraph, scheduler', doc: 'Name of the Redis stream of content events.' },
  OUTBOX_POLL_MS: { schema: int(50), default: '1000', readBy: 'start, subgraph', doc: 'How often an outbox relay looks for events no commit woke it for (left by a crashed process).' },
  EDGE_PURGE_URLS: { schema: z.string().min(1), readBy: 'start, gateway', doc: 'Comma-separated edge caches (Varnish with deploy/varnish/newsroom.vcl) sent a `BAN` with the stale answers’ tags on every content event.' },
  IDE: { schema: z.enum(['on', 'off']), default: 'on in development, off in production', readBy: 'start, gateway', doc: 'The offline GraphQL IDE at `/ide`; `on` in production serves it with introspection for staff tokens only.' },
  SEED_DEMO: { schema: flag, default: '1', readBy: 'start, subgraph', doc: '`0` skips the demo content on first start.' },
  DEMO_ARTICLES: { schema: int(1), default: '600', readBy: 'start, subgraph, seed', doc: 'Articles in the demo newsroom.' },
  JOBS: { schema: flag, default: '1', readBy: 'start, subgraph', doc: '`0` turns the publication scheduler off in this process.' },
  SCHEDULER_SAFETY_POLL_MS: { schema: int(100), default: '60000', readBy: 'start, subgraph, scheduler', doc: 'The scheduler wakes at the next due time (and when a schedule changes in this process); this poll catches schedules changed by other instances.' },
  MAILER: { schema: z.enum(['file', 'smtp', 'memory', 'none']), default: 'file', readBy: 'start, subgraph', doc: 'Where mail goes: `file` writes each mail as an .eml file under `MAIL_DIR` and logs only its path (development), `smtp` sends it, `none` drops it. Production refuses `file` and `memory`.' },
  SMTP_URL: { schema: z.string().regex(/^smtps?:\/\//, 'must be smtp://user:pass@host:port or smtps://…'), readBy: 'start, subgraph', doc: 'SMTP server of `MAILER=smtp`.' },
  MAIL_FROM: { schema: z.string().min(3), default: 'Newsroom <no-reply@newsroom.example>', readBy: 'start, subgraph', doc: 'Sender of every mail (required with `MAILER=smtp`).' },
  MAIL_DIR: { schema: z.string().min(1), default: '`DATA_DIR`/mail', readBy: 'start, subgraph', doc: 'Folder of `MAILER=file`.' },
  ALLOW_GUEST_COMMENTS: { schema: flag, default: '1', readBy: 'start, subgraph', doc: '`0` requires sign-in to comment.' },
  AUDIENCE_FLUSH_MS: { schema: int(50), default: '1000', readBy: 'start, subgraph', doc: 'How often buffered page views are written.' },
  AUDIENCE_RANKING_TTL_MS: { schema: int(0), default: '30000', readBy: 'start, subgraph', doc: 'How long trending and most-read rankings are kept.' },
  AUDIENCE_VIEW_WINDOW: { schema: int(0), default: '1800', readBy: 'start, subgraph', doc: 'Seconds during which one client’s views of one article count once (0: every view counts).' },
  AUDIENCE_ACK: { schema: z.enum(['buffered', 'written']), default: 'buffered', readBy: 'start, subgraph', doc: '`written` answers a page-view call only once its views are in the database (a crash then loses no acknowledged view); `buffered` answers at once.' },
  AUDIENCE_INGEST_LIMIT: { schema: z.string().regex(/^\d+\/\d+$/), default: '600/60', readBy: 'start, subgraph', doc: 'Beacon requests per address: `count/seconds`.' },
  GATEWAY_URL: { schema: url, readBy: 'export', doc: 'Gateway the export job reads from; unset starts the supergraph in a child process.' },
  EXPORT_TOKEN: { schema: z.string().min(1), readBy: 'export', doc: 'Access token of the export job (a service token with the EXPORT scope).' },
  ACCOUNT_PASSWORD: { schema: z.string().min(1), readBy: 'create-account', doc: 'Password of the account `npm run create-account` creates.' },
  PROGRESS: { schema: flag, default: '0 (on when a terminal)', readBy: 'seed, export', doc: '`1` shows progress bars even without a terminal.' },
  TEST_MYSQL_URL: { schema: url, readBy: 'tests, migration:generate', doc: 'MariaDB/MySQL server on which the suite runs every database test a second time (scratch databases per run); also the scratch server of `npm run migration:generate`.' },
  TEST_BROWSER: { schema: flag, readBy: 'tests', doc: '`1` makes the browser test fail, rather than skip, when Chromium is missing (CI sets it).' },
  TEST_VARNISH: { schema: flag, readBy: 'tests', doc: '`1` makes the edge test fail, rather than skip, when varnishd is missing (CI sets it).' },
  TEST_REDIS_URL: { schema: url, readBy: 'tests', doc: 'Redis server for the suites that test the Redis stores; unset skips them.' },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** Families of variables whose names are built from a pattern (one README row each). */
export const SETTING_PATTERNS: Record<string, Setting & { names: RegExp }> = {
  'LIMIT_<CLASS>_<LIMIT>': {
    names: /^LIMIT_(ANONYMOUS|READER|STAFF|SERVICE)_(TOKENS|DEPTH|ALIASES|DIRECTIVES|ROOT_FIELDS|COST)$/,
    schema: int(1),
    default: 'see "Operation limits"',
    readBy: 'start, gateway',
    doc: 'One ceiling for one client class (`ANONYMOUS`, `READER`, `STAFF`, `SERVICE`): `TOKENS`, `DEPTH`, `ALIASES`, `DIRECTIVES`, `ROOT_FIELDS` or `COST`.',
  },
  'SUBGRAPH_<NAME>_TIMEOUT_MS': {
    names: /^SUBGRAPH_(EDITORIAL|ACCOUNTS|DISCUSSION|AUDIENCE)_TIMEOUT_MS$/,
    schema: int(1),
    default: '`SUBGRAPH_TIMEOUT_MS`',
    readBy: 'start, gateway, subgraph',
    doc: 'The call timeout of one subgraph.',
  },
  'RATE_LIMIT_<CLASS>': {
    names: /^RATE_LIMIT_(ANONYMOUS|READER|STAFF|SERVICE)$/,
    schema: z.string().regex(/^\d+\s*\/\s*\d+$/, 'must be points/seconds, e.g. 500000/60'),
    default: 'see "Operation limits"',
    readBy: 'start, gateway',
    doc: 'Cost points one client of that class may spend per window: `points/seconds`.',
  },
};


function refuse(name: string, raw: string, reason: string, doc: string): never {
  throw new ConfigurationError(`Invalid configuration: ${name}=${JSON.stringify(raw)}: ${reason} (${doc})`);
}

function parsed(name: string, raw: string, setting: Setting): unknown {
  const result = setting.schema.safeParse(raw);
  if (!result.success) refuse(name, raw, result.error.issues[0]?.message ?? 'invalid value', setting.doc);
  return result.data;
}

/**
 * One declared variable, parsed by its declared schema: `undefined` when unset or empty (the
 * caller applies its default), a ConfigurationError naming it when malformed. Modules read
 * their settings through this, so a variable has one schema and one message wherever it is read.
 */
export function readSetting<N extends SettingName>(name: N, env: NodeJS.ProcessEnv = process.env): z.output<(typeof SETTINGS)[N]['schema']> | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return parsed(name, raw, SETTINGS[name]) as z.output<(typeof SETTINGS)[N]['schema']>;
}

/** One variable of a pattern family (`LIMIT_<CLASS>_<LIMIT>`, …), parsed by the family's schema. */
export function readPatternSetting(family: keyof typeof SETTING_PATTERNS, name: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return parsed(name, raw, SETTING_PATTERNS[family]);
}

/**
 * Validates every variable that is set (unset ones keep their defaults, read where they are
 * used). Throws a ConfigurationError naming the first bad variable.
 */
export function checkSettings(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, setting] of Object.entries(SETTINGS) as Array<[SettingName, Setting]>) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') parsed(name, raw, setting);
  }
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || raw === '') continue;
    const family = Object.values(SETTING_PATTERNS).find((p) => p.names.test(name));
    if (family) parsed(name, raw, family);
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new ConfigurationError(`Invalid configuration: AUTH_SECRET is required in production (${SETTINGS.AUTH_SECRET.doc})`);
  }
}
