import { decodeCursor, encodeCursor, pageSize } from '../../src/graphql/connection';

describe('cursors and page sizes', () => {
  it('round-trips a cursor and rejects tampered ones with BAD_USER_INPUT', () => {
    const c = encodeCursor([1732000000123, 42]);
    expect(decodeCursor(c, ['number', 'number'])).toEqual([1732000000123, 42]);
    // Search cursors hold a score (a fraction); times stay within Date's range.
    expect(decodeCursor(encodeCursor([12.5, 3]), ['number', 'number'])).toEqual([12.5, 3]);
    expect(decodeCursor(encodeCursor([8.64e15, 1]), ['number', 'number'])).toEqual([8.64e15, 1]);
    const absurd = [encodeCursor([1e20, 1]), encodeCursor([9e15, 1]), encodeCursor([-9e15, 1])];
    for (const bad of ['', 'x', encodeCursor(['a', 1]), encodeCursor([1]), Buffer.from('{"a":1}').toString('base64url'), 'A'.repeat(600), ...absurd]) {
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
