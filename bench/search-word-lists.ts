import path from 'node:path';

/** The 20 most frequent French words of two letters or more (every French frequency list starts with them). */
export const COMMON = ['de', 'la', 'le', 'et', 'les', 'des', 'en', 'un', 'du', 'une', 'que', 'est', 'pour', 'qui', 'dans', 'par', 'plus', 'pas', 'au', 'sur'];

/** Word lists drawn from the seeded index itself: its 20 most frequent words, 20 rare ones, 20 typed prefixes. */
export function corpusLists(dataDir: string): Record<string, string[]> {
  // The driver itself (no TypeORM): a read of the FTS5 vocabulary, which TypeORM has no use for.
  const Database = require('better-sqlite3');
  const db = new Database(path.join(dataDir, 'editorial.sqlite'), { readonly: true });
  try {
    db.exec(`CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_search', 'row')`);
    const byDoc = db.prepare(`SELECT term, doc FROM temp.v WHERE length(term) >= 2 ORDER BY doc DESC`).all() as Array<{ term: string; doc: number }>;
    const pick = (rows: typeof byDoc, n: number) => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n).map((r) => r.term);
    const rare = byDoc.filter((r) => r.doc >= 3 && r.doc <= 200 && /^[a-z]{4,}$/.test(r.term));
    const mid = byDoc.filter((r) => r.doc > 200 && r.doc <= byDoc[0].doc / 4 && /^[a-z]{6,}$/.test(r.term));
    return {
      'corpus top 20': byDoc.slice(0, 20).map((r) => r.term),
      'rare words (3-200 articles)': pick(rare, 20),
      'typed prefixes (4 letters)': pick(mid, 20).map((w) => w.slice(0, 4)),
      'two words': pick(mid, 20).map((w, i, all) => `${w} ${all[(i + 7) % all.length]}`),
    };
  } finally {
    db.close();
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
