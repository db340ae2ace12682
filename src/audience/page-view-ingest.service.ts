import { createHash } from 'node:crypto';
import { ServiceScope } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { AppError, badInput, ErrorCode } from '../errors/app-error';
import type { RateLimiter } from '../limits/rate-limiter';
import type { AudienceOptions } from './audience-options';
import type { BotVerdicts } from './bot-filter';
import type { PageViewBuffer } from './page-view-buffer';
import type { PageViewFlusher } from './page-view-flusher';
import type { ViewDedup } from './view-dedup';

/** The parts of the audience runtime that ingestion uses (the runtime itself is one). */
export type PageViewIngestParts = {
  options: AudienceOptions;
  limiter: RateLimiter;
  bots: BotVerdicts;
  buffer: PageViewBuffer;
  flusher: PageViewFlusher;
  viewDedup: ViewDedup;
};

/** One view as a client sends it; every field is checked here, whatever the transport. */
export type PageViewSubmission = { articleId?: unknown; viewedAt?: unknown; userAgent?: unknown };

export type IngestClient = { ip: string; userAgent: string | undefined; viewer: Viewer | null };

export type IngestReceipt = { accepted: number; ignored: number };

/** Client clocks drift: a view "from the future" by less than this is taken as now, by more it is refused. */
const FUTURE_SKEW_MS = 5 * 60_000;
/** Views older than this are refused: they would rewrite rankings already shown (an app's offline queue is the use). */
const MAX_AGE_MS = 48 * 3_600_000;
const MAX_ARTICLE_ID = 2 ** 31 - 1;

/**
 * Takes page views from the beacon endpoint and the `recordPageViews` mutation alike: checks
 * the caller's throughput, drops robots and malformed or stale views, and counts the rest in
 * the in-memory buffer. Nothing here waits for the database, unless AUDIENCE_ACK=written asks
 * for acknowledgements that survive a crash (then the answer waits for the next flush).
 *
 * Anyone may send views (browsers do, signed in or not), so each client address gets
 * `ingestPerIp` calls per window and `maxBatch` views per call. Service tokens with the
 * `ingest` scope (server-side renderers, apps' backends relaying many readers) are not
 * throttled per address and send up to `maxServiceBatch` views per call, each with the
 * reader's own user agent.
 */
export class PageViewIngestService {
  constructor(private readonly rt: PageViewIngestParts) {}

  async ingest(views: PageViewSubmission[], client: IngestClient, now = Date.now()): Promise<IngestReceipt> {
    const trusted = client.viewer?.scopes.includes(ServiceScope.Ingest) ?? false;
    const max = trusted ? this.rt.options.maxServiceBatch : this.rt.options.maxBatch;
    if (views.length > max) throw badInput(`At most ${max} views per call`, { argument: 'views', max });
    if (!trusted) {
      const decision = await this.rt.limiter.consume(`pageviews:ip:${client.ip}`, this.rt.options.ingestPerIp);
      if (!decision.allowed) {
        throw new AppError(ErrorCode.TooManyRequests, 'Too many page views from this address; try again later', { retryAfterSeconds: decision.retryAfterSeconds });
      }
    }
    let counted: Array<{ articleId: number; at: number }> = [];
    for (const view of views) {
      const articleId = articleIdOf(view.articleId);
      const at = viewedAtOf(view.viewedAt, now);
      const userAgent = trusted && typeof view.userAgent === 'string' ? view.userAgent : client.userAgent;
      if (articleId === null || at === null || this.rt.bots.isBot(userAgent)) continue;
      counted.push({ articleId, at });
    }
    // A relay with the INGEST scope sends many readers' views under one identity: it is trusted to send each once.
    if (!trusted && this.rt.options.viewWindowSeconds > 0 && counted.length) counted = await this.firstSightings(client, counted, now);
    let accepted = 0;
    for (const { articleId, at } of counted) if (this.rt.buffer.add(articleId, at)) accepted += 1;
    this.rt.flusher.maybeFlushEarly();
    if (accepted && this.rt.options.ackAfterWrite) await this.rt.flusher.whenWritten();
    return { accepted, ignored: views.length - accepted };
  }

  /**
   * Keeps each article's first view in the call, and only if this client has not been counted
   * for it within the window: however many views a call claims, or calls a client makes, it
   * adds at most one per article and window, so no single client can move a ranking.
   */
  private async firstSightings(client: IngestClient, views: Array<{ articleId: number; at: number }>, now: number) {
    const firstInCall = new Map<number, { articleId: number; at: number }>();
    for (const view of views) if (!firstInCall.has(view.articleId)) firstInCall.set(view.articleId, view);
    const ids = [...firstInCall.keys()];
    const fresh = await this.rt.viewDedup.firstSightings(clientKey(client), ids, this.rt.options.viewWindowSeconds * 1000, now);
    return ids.filter((_, i) => fresh[i]).map((id) => firstInCall.get(id)!);
  }
}

/**
 * Who a view comes from: the account when signed in (the same reader on phone and laptop),
 * else the address and user agent (readers behind one address, a newsroom or a campus, still
 * count apart by browser). Hashed: the key is short and holds no address.
 */
function clientKey(client: IngestClient): string {
  if (client.viewer?.kind === 'user') return `u${client.viewer.userId}`;
  return createHash('sha256').update(`${client.ip}\n${client.userAgent ?? ''}`).digest('base64url').slice(0, 22);
}

function articleIdOf(value: unknown): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(id) && id > 0 && id <= MAX_ARTICLE_ID ? id : null;
}

function viewedAtOf(value: unknown, now: number): number | null {
  if (value === undefined || value === null) return now;
  const at = value instanceof Date ? value.getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  if (!Number.isFinite(at) || at < now - MAX_AGE_MS || at > now + FUTURE_SKEW_MS) return null;
  return Math.min(at, now);
}
