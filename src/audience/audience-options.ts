/** Tunables of the audience subgraph, from the environment, each overridable per runtime (tests, benchmarks). */
export type AudienceOptions = {
  /** How often buffered views are written (AUDIENCE_FLUSH_MS): a crash loses at most this much. */
  flushIntervalMs: number;
  /** Distinct (article, hour) pairs that trigger a flush before the interval is up. */
  flushAtKeys: number;
  /** Beyond this many pairs waiting (database down), new views are dropped. */
  maxBufferedKeys: number;
  /** How long a ranking is reused (AUDIENCE_RANKING_TTL_MS); 0 computes it on every request. */
  rankingTtlMs: number;
  /** Articles being read get their editorial facts checked again when older than this. */
  metaMaxAgeMs: number;
  /** Ingestion calls (beacons or mutations) per client address: [calls, window in seconds] (AUDIENCE_INGEST_LIMIT="600/60"). */
  ingestPerIp: [number, number];
  /** Views per call: anonymous clients, and service tokens with the `ingest` scope. */
  maxBatch: number;
  maxServiceBatch: number;
  /**
   * One client (its user id when signed in, else its address and user agent) adds at most one
   * view per article in this many seconds (AUDIENCE_VIEW_WINDOW, default 1800: the 30-minute
   * session of analytics tools); 0 counts every view.
   */
  viewWindowSeconds: number;
  /** (client, article) pairs remembered in memory at most, when Redis does not hold them. */
  maxRememberedViews: number;
  /**
   * AUDIENCE_ACK=written: a call is answered once its views are in the database (the next
   * flush, up to `flushIntervalMs` later), so a crash loses no acknowledged view. The default
   * (`buffered`) answers at once and a crash loses up to one flush interval of views.
   */
  ackAfterWrite: boolean;
};

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

function limit(value: string | undefined, fallback: [number, number]): [number, number] {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? [Number(match[1]), Number(match[2])] : fallback;
}

export function audienceOptions(env: NodeJS.ProcessEnv = process.env): AudienceOptions {
  return {
    flushIntervalMs: Math.max(50, int(env.AUDIENCE_FLUSH_MS, 1000)),
    flushAtKeys: 5000,
    maxBufferedKeys: 200_000,
    rankingTtlMs: int(env.AUDIENCE_RANKING_TTL_MS, 30_000),
    metaMaxAgeMs: 10 * 60_000,
    ingestPerIp: limit(env.AUDIENCE_INGEST_LIMIT, [600, 60]),
    maxBatch: 100,
    maxServiceBatch: 1000,
    viewWindowSeconds: int(env.AUDIENCE_VIEW_WINDOW, 1800),
    maxRememberedViews: 500_000,
    ackAfterWrite: env.AUDIENCE_ACK === 'written',
  };
}
