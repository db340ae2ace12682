import { randomUUID } from 'node:crypto';
import { MemoryViewDedup, RedisViewDedup, type ViewDedup } from '../../src/audience/view-dedup';

/** In memory always; over Redis only when TEST_REDIS_URL names a server. */
const implementations: Record<string, () => ViewDedup> = {
  memory: () => new MemoryViewDedup(),
  ...(process.env.TEST_REDIS_URL ? { redis: () => RedisViewDedup.fromUrl(process.env.TEST_REDIS_URL!, `newsroom:test:${randomUUID()}:`) } : {}),
};

describe.each(Object.keys(implementations))('view de-duplication (%s)', (name) => {
  let dedup: ViewDedup;

  beforeAll(() => {
    dedup = implementations[name]();
  });
  afterAll(async () => {
    await dedup.close();
  });

  it('answers true once per client and article within the window', async () => {
    const now = Date.now();
    expect(await dedup.firstSightings('client-a', [1, 2], 60_000, now)).toEqual([true, true]);
    expect(await dedup.firstSightings('client-a', [2, 3], 60_000, now + 1)).toEqual([false, true]);
    expect(await dedup.firstSightings('client-b', [1, 2, 3], 60_000, now + 2)).toEqual([true, true, true]);
  });

  it('counts the pair again once the window has passed', async () => {
    const now = Date.now();
    expect(await dedup.firstSightings('client-c', [9], 200, now)).toEqual([true]);
    expect(await dedup.firstSightings('client-c', [9], 200, now + 10)).toEqual([false]);
    // Redis expires keys on its own clock: wait the window out for real.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await dedup.firstSightings('client-c', [9], 200, now + 250)).toEqual([true]);
  });
});

describe('view de-duplication in memory', () => {
  it('stays within its bound, forgetting the oldest pairs first', async () => {
    const dedup = new MemoryViewDedup(4);
    expect(await dedup.firstSightings('c', [1, 2, 3, 4], 60_000, 0)).toEqual([true, true, true, true]);
    expect(dedup.size).toBe(4);
    expect(await dedup.firstSightings('c', [1, 2, 3, 4], 60_000, 1)).toEqual([false, false, false, false]);
    // A fifth pair makes room by forgetting the oldest generation (1 and 2).
    expect(await dedup.firstSightings('c', [5], 60_000, 2)).toEqual([true]);
    expect(dedup.size).toBeLessThanOrEqual(4);
    expect(await dedup.firstSightings('c', [3, 4, 5], 60_000, 3)).toEqual([false, false, false]);
    expect(await dedup.firstSightings('c', [1], 60_000, 4)).toEqual([true]);
  });

  it('drops what has expired as windows pass', async () => {
    const dedup = new MemoryViewDedup();
    await dedup.firstSightings('c', [1, 2, 3], 60_000, 0);
    await dedup.firstSightings('d', [1], 60_000, 70_000);
    await dedup.firstSightings('e', [1], 60_000, 140_000);
    expect(dedup.size).toBe(2);
  });
});
