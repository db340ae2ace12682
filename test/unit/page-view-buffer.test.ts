import { PageViewBuffer, unpackKey } from '../../src/audience/page-view-buffer';
import { HOUR_MS } from '../../src/audience/time-buckets';

describe('page view buffer', () => {
  const at = Date.UTC(2026, 10, 28, 15, 42);

  it('counts views per article and UTC hour', () => {
    const buffer = new PageViewBuffer();
    buffer.add(12, at);
    buffer.add(12, at + 10 * 60_000, 2);
    buffer.add(12, at + HOUR_MS);
    buffer.add(2 ** 31 - 1, at);
    expect(buffer.views).toBe(5);
    const batch = buffer.take();
    const hour = Math.floor(at / HOUR_MS);
    expect([...batch].map(([key, views]) => ({ ...unpackKey(key), views }))).toEqual([
      { hour, articleId: 12, views: 3 },
      { hour: hour + 1, articleId: 12, views: 1 },
      { hour, articleId: 2 ** 31 - 1, views: 1 },
    ]);
    expect(buffer.size).toBe(0);
    expect(buffer.views).toBe(0);
  });

  it('takes back a batch that could not be written, merged with what arrived meanwhile', () => {
    const buffer = new PageViewBuffer();
    buffer.add(1, at, 4);
    const failed = buffer.take();
    buffer.add(1, at, 1);
    buffer.add(2, at, 1);
    buffer.restore(failed);
    expect(buffer.views).toBe(6);
    expect([...buffer.take().values()]).toEqual([5, 1]);
  });

  it('drops new pairs past its capacity instead of growing without bound', () => {
    const buffer = new PageViewBuffer(2);
    expect([buffer.add(1, at), buffer.add(2, at), buffer.add(3, at), buffer.add(1, at)]).toEqual([true, true, false, true]);
    expect(buffer.dropped).toBe(1);
    expect(buffer.views).toBe(3);
  });
});
