import type { ContentEvent } from '../events/content-events';
import { tagsToPurge } from './cache-tags';

/**
 * Tells edge caches (Varnish, or any CDN reached through a purge endpoint) which tagged answers
 * an event made stale: one `BAN` request per edge with the tags in `X-Purge-Tags`, which the
 * VCL in deploy/varnish/newsroom.vcl turns into a ban on `Surrogate-Key`. A failed purge is
 * retried a few times, then logged: the answers' max-age (30 to 300 s) bounds the staleness.
 */
export class EdgePurge {
  constructor(
    private readonly edges: string[],
    private readonly timeoutMs = 2_000,
    private readonly attempts = 3,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): EdgePurge | null {
    const edges = (env.EDGE_PURGE_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    return edges.length ? new EdgePurge(edges) : null;
  }

  async onEvent(event: ContentEvent): Promise<void> {
    const tags = tagsToPurge(event);
    if (tags.length) await this.purge(tags);
  }

  async purge(tags: string[]): Promise<void> {
    await Promise.all(this.edges.map((edge) => this.purgeOne(edge, tags)));
  }

  private async purgeOne(edge: string, tags: string[]): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      try {
        const res = await fetch(edge, { method: 'BAN', headers: { 'x-purge-tags': tags.join(' ') }, signal: AbortSignal.timeout(this.timeoutMs) });
        await res.text();
        if (res.ok) return;
        throw new Error(`HTTP ${res.status}`);
      } catch (err) {
        if (attempt === this.attempts) console.error(`[edge] purge of ${tags.join(' ')} at ${edge} failed: ${(err as Error).message}`);
        else await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }
}
