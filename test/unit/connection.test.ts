import { decodeCursor, encodeCursor, pageSize } from '../../src/graphql/connection';

describe('cursors and page sizes', () => {
  it('round-trips a cursor and rejects tampered ones with BAD_USER_INPUT', () => {
    const c = encodeCursor([1732000000123, 42]);
    expect(decodeCursor(c, ['number', 'number'])).toEqual([1732000000123, 42]);
    for (const bad of ['', 'x', encodeCursor(['a', 1]), encodeCursor([1]), Buffer.from('{"a":1}').toString('base64url'), 'A'.repeat(600)]) {
      let code: unknown;
      try {
        decodeCursor(bad, ['number', 'number']);
      } catch (e) {
        code = (e as { extensions?: { code?: string } }).extensions?.code;
      }
      expect({ bad: bad.slice(0, 20), code }).toEqual({ bad: bad.slice(0, 20), code: 'BAD_USER_INPUT' });
    }
  });

  it('caps first at 100 and refuses negatives', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/between 0 and 100/);
    expect(() => pageSize(-1)).toThrow(/between 0 and 100/);
  });
});
