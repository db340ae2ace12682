import { readDate, sqliteDatetime } from '../../src/db/sql-values';

describe('values read back from SQL', () => {
  it('reads TypeORM’s SQLite datetime text as the instant the string parser gives', () => {
    for (let t = Date.UTC(1999, 11, 31, 23, 59, 59, 999), i = 0; i < 2000; i++, t += 987_654_321) {
      const text = new Date(t).toISOString().replace('T', ' ').replace('Z', '');
      expect(sqliteDatetime(text)?.getTime()).toBe(t);
      expect(readDate(text).getTime()).toBe(t);
    }
  });

  it('leaves any other text to the string parser', () => {
    for (const text of ['2026-11-30T09:16:27.123Z', '2026-11-30 09:16:27', '2026-13-01 00:00:00.000', '2026-11-30 24:00:00.000', '2026-1x-30 09:16:27.123', '']) {
      expect(sqliteDatetime(text)).toBeNull();
    }
    expect(readDate('2026-11-30T09:16:27.123Z').toISOString()).toBe('2026-11-30T09:16:27.123Z');
    // Years 0–99: Date.UTC would read them as 1900–1999.
    expect(sqliteDatetime('0050-01-01 00:00:00.000')).toBeNull();
    expect(readDate('0050-01-01 00:00:00.000').getUTCFullYear()).toBe(50);
  });
});
