/**
 * Rankings shared by every reader for a few seconds. "En ce moment" is on every home page;
 * computing it from the hourly rows on each request would put a GROUP BY over a day of
 * aggregates in front of every reader, for an answer that moves over minutes. Entries are
 * dropped at once when an article leaves the public (unpublished, deleted), so a ranking
 * never names an article the gateway could no longer resolve.
 */
export class RankingCache {
  private readonly entries = new Map<string, { ids: number[]; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<number[]>>();
  private generation = 0;

  constructor(private ttlMs: () => number) {}

  async get(key: string, compute: () => Promise<number[]>): Promise<number[]> {
    const ttl = this.ttlMs();
    if (ttl <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.ids;
    // Concurrent misses share one computation instead of all querying at once.
    let pending = this.inFlight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = compute().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
      const ids = await pending;
      if (generation === this.generation) {
        if (this.entries.size >= 1000) this.entries.clear();
        this.entries.set(key, { ids, expiresAt: Date.now() + ttl });
      }
      return ids;
    }
    return pending;
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.inFlight.clear();
  }
}
