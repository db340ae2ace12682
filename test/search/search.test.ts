import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { sqlCounter } from '../../src/db/sql-counter';
import type { ArticleSearch, SearchCursor } from '../../src/search/article-search';
import { MysqlArticleSearch } from '../../src/search/mysql-article-search';
import { SqliteArticleSearch } from '../../src/search/sqlite-article-search';
import { parseSearchQuery, type SearchQuery } from '../../src/search/search-query';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { backends, scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';
import { publishedArticle } from '../support/editorial-desk';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { Role, signInAs } from '../support/sign-in';

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) { totalCount nodes { id title } pageInfo { hasNextPage endCursor } }
}`;

describe.each(backends())('search driven by the full-text index (%s)', (backend) => {
  let fx: NewsroomFixture;
  let ds: DataSource;
  let inTitle: number;
  let inBody: number[];

  /** The ids `search` hands out two at a time, each page after the last one's cursor. */
  const pagedTwoByTwo = async (search: ArticleSearch, query: SearchQuery, total: number): Promise<number[]> => {
    const seen: number[] = [];
    let after: SearchCursor | null = null;
    for (let i = 0; i < total && seen.length < total; i++) {
      const next = await search.search(ds, query, 2, after, new Date());
      seen.push(...next.hits.map((h) => h.articleId));
      const last = next.hits[next.hits.length - 1];
      after = { score: last.score, id: last.articleId };
    }
    return seen;
  };

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'search', 240);
    ds = fx.app.dataSources.get('editorial')!;
    const editor = await signInAs(fx, [Role.Editor]);
    // Published one after the other through the admin API, so each is newer than the last.
    const publish = (slug: string, title: string, body: string) =>
      publishedArticle(fx.url, editor.headers, {
        slug,
        title,
        standfirst: 'Une histoire de la vallée.',
        body: [{ type: 'paragraph', text: body }],
        primaryRubricId: 2,
      });
    inTitle = (await publish('zorglub-en-montagne', 'Le zorglub des montagnes', 'Une bête rare, vue deux fois.')).id;
    inBody = [];
    for (let i = 0; i < 4; i++) {
      const a = await publish(`vallee-${i}`, `Chronique de la vallée ${i}`, `On parle encore du zorglub, zorglub, zorglub ici (${i}).`);
      inBody.push(a.id);
    }
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('puts title matches first, then the rest by relevance', async () => {
    const res = await gql(fx.url, SEARCH, { q: 'zorglub', first: 10 });
    expect(res.errors).toBeUndefined();
    const ids = res.data.search.nodes.map((n: any) => Number(n.id));
    expect(ids[0]).toBe(inTitle);
    expect(new Set(ids.slice(1))).toEqual(new Set(inBody));
    expect(res.data.search.totalCount).toBe(5);
  });

  it('matches the last word as a prefix, and only the last', async () => {
    const prefix = await gql(fx.url, SEARCH, { q: 'montagnes zorgl', first: 10 });
    expect(prefix.data.search.nodes.map((n: any) => Number(n.id))).toEqual([inTitle]);
    const notLast = await gql(fx.url, SEARCH, { q: 'zorgl montagnes', first: 10 });
    expect(notLast.data.search.nodes).toEqual([]);
  });

  it('answers the most common French words, title matches first', async () => {
    for (const q of ['de', 'la', 'les des', 'pour']) {
      const res = await gql(fx.url, SEARCH, { q, first: 20 });
      expect(res.errors).toBeUndefined();
      expect(res.data.search.nodes.length).toBeGreaterThan(0);
    }
    const de = await gql(fx.url, `{ search(query: "de", first: 100) { nodes { id title } } }`);
    const hasDe = (t: string) => /(^|[^\p{L}])de([^\p{L}]|$)/iu.test(t);
    const flags = de.data.search.nodes.map((n: any) => hasDe(n.title));
    // Every title holding "de" comes before every article that has it elsewhere only.
    expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
    expect(flags[0]).toBe(true);
  });

  it.each(['zorglub', 'de', 'vallee'])('pages through "%s" without gaps or duplicates', async (q) => {
    const all = await gql(fx.url, SEARCH, { q, first: 100 });
    const expected: string[] = all.data.search.nodes.map((n: any) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(fx.url, SEARCH, { q, first: 7, after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.search.nodes.map((n: any) => n.id));
      after = page.data.search.pageInfo.hasNextPage ? page.data.search.pageInfo.endCursor : null;
    } while (after && seen.length < 300);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, expected.length)).toEqual(expected);
    expect(seen.length).toBe(all.data.search.totalCount);
  });

  it('treats FTS operators, column filters and SQL as plain words', async () => {
    const before = await ds.query('SELECT COUNT(*) AS n FROM article');
    const hostile = [
      '"zorglub',
      'zorglub"',
      '"',
      '*',
      'zorg*',
      '"zorglub" OR "vallee"',
      'zorglub OR qwxyzzy',
      'zorglub AND qwxyzzy',
      'NOT zorglub',
      'zorglub NOT montagnes',
      'NEAR(zorglub montagnes, 2)',
      '(zorglub',
      'zorglub)',
      '^zorglub',
      'title:zorglub',
      '{title}: zorglub',
      'title : zorglub',
      "'; DROP TABLE article; --",
      "zorglub'); DELETE FROM article_search; --",
      '% _ \\',
      '+zorglub -montagnes',
      '@zorglub ~ > <',
    ];
    for (const q of hostile) {
      const res = await gql(fx.url, SEARCH, { q, first: 10 });
      expect({ q, status: res.status, errors: res.errors }).toEqual({ q, status: 200, errors: undefined });
    }
    // OR is a word here, not an operator: no article has "qwxyzzy", so nothing matches.
    expect((await gql(fx.url, SEARCH, { q: 'zorglub OR qwxyzzy' })).data.search.nodes).toEqual([]);
    // `-` is not NOT: the article with both words is found.
    expect((await gql(fx.url, SEARCH, { q: 'montagnes -zorglub' })).data.search.nodes.map((n: any) => Number(n.id))).toEqual([inTitle]);
    expect(await ds.query('SELECT COUNT(*) AS n FROM article')).toEqual(before);
    expect((await gql(fx.url, SEARCH, { q: 'zorglub' })).data.search.totalCount).toBe(5);
  });

  it('reads the candidates from the full-text index, then joins each to its article by primary key', async () => {
    for (const q of ['zorglub', 'de', 'montagnes zorgl']) {
      const query = parseSearchQuery(q);
      if (backend === 'sqlite') {
        const statement = (await new SqliteArticleSearch().searchSql(ds, query, 10, null, new Date()))!;
        const plan: Array<{ id: number; parent: number; detail: string }> = await ds.query(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.params);
        const details = plan.map((p) => p.detail);
        // The index is scanned inside the candidates' subquery, which runs before the join…
        const virtual = plan.filter((p) => /^SCAN article_search VIRTUAL TABLE/.test(p.detail));
        expect(virtual.length).toBeGreaterThan(0);
        expect(virtual.every((p) => p.parent !== 0)).toBe(true);
        // …and the article is a primary-key lookup per candidate, never a scan driving the MATCH.
        expect(details).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)');
        expect(details.some((d) => /^(SCAN|SEARCH) a USING INDEX/.test(d) || d === 'SCAN a')).toBe(false);
        expect(details.findIndex((d) => d.startsWith('SCAN c'))).toBeGreaterThan(-1);
        expect(details.findIndex((d) => d.startsWith('SCAN c'))).toBeLessThan(details.indexOf('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)'));
      } else {
        const statement = (await new MysqlArticleSearch().searchSql(ds, query, 10, null, new Date()))!;
        const plan: Array<{ id: string; select_type: string; table: string; type: string; key: string | null }> = await ds.query(`EXPLAIN ${statement.sql}`, statement.params);
        // The candidates' derived table comes first, then each article by primary key…
        const article = plan.findIndex((p) => p.table === 'a');
        expect([plan[article].type, plan[article].key]).toEqual(['eq_ref', 'PRIMARY']);
        expect(plan[article - 1].table).toMatch(/^<derived\d+>$/);
        // …and the candidates come out of article_search alone.
        const inner = plan.find((p) => p.select_type === 'DERIVED' && p.table === 'article_search')!;
        expect(inner).toBeDefined();
        // Significant words go through the FULLTEXT index; stop words read the newest rows by primary key.
        if (query.common.length) expect(inner.key).toBe('PRIMARY');
        else expect(inner.type).toBe('fulltext');
      }
    }
  });

  it('ranks a query past the ranking budget like a stop-word query: title first, then the newest', async () => {
    // A budget of 2 makes "zorglub" (5 articles) one of the words too common to rank.
    const frequent: ArticleSearch = backend === 'sqlite' ? new SqliteArticleSearch({ maxRankedDocuments: 2 }) : new MysqlArticleSearch({ maxRankedPostings: 2 });
    const query = parseSearchQuery('zorglub');
    const page = await frequent.search(ds, query, 10, null, new Date());
    expect(page.hits.map((h) => h.articleId)).toEqual([inTitle, ...[...inBody].sort((a, b) => b - a)]);
    expect(page.total).toBe(5);
    expect(await pagedTwoByTwo(frequent, query, 5)).toEqual(page.hits.map((h) => h.articleId));
    expect(await frequent.count(ds, query, new Date())).toBe(5);
    // Two words both past the budget: every article holds both (the standfirst), none has both in
    // a title on MySQL and all have one on SQLite, so either way the newest come first.
    const both = await frequent.search(ds, parseSearchQuery('zorglub vallee'), 10, null, new Date());
    expect(both.hits.map((h) => h.articleId)).toEqual([inTitle, ...inBody].sort((a, b) => b - a));
    // A prefix too: the title match first.
    expect((await frequent.search(ds, parseSearchQuery('montagnes zorgl'), 10, null, new Date())).hits.map((h) => h.articleId)).toEqual([inTitle]);
  });

  if (backend === 'sqlite') {
    it('counts a query’s words against the ranking budget one after the other, each walk stopping where the sum passes it', async () => {
      const counting = async (budget: number) => {
        const { statements } = await sqlCounter.measure(() => new SqliteArticleSearch({ maxRankedDocuments: budget }).search(ds, parseSearchQuery('zorglub vallee'), 10, null, new Date()));
        return statements.filter((s) => s.includes('COUNT(*) AS n FROM (SELECT 1 FROM article_search'));
      };
      // "zorglub" (5 articles) alone passes a budget of 2: "vallee" is not counted at all.
      const past = await counting(2);
      expect(past).toHaveLength(1);
      expect(past[0]).toContain('LIMIT 3');
      // Under a budget of 6, "vallee" is counted only as far as the 2 articles that pass it.
      const both = await counting(6);
      expect(both).toHaveLength(2);
      expect(both.map((s) => /LIMIT (\d+)/.exec(s)![1])).toEqual(['7', '2']);
      // A budget nothing passes counts each word to its end, and the query is ranked.
      const ranked = await counting(1_000_000);
      expect(ranked).toHaveLength(2);
    });
  }

  if (backend === 'mysql') {
    it('takes the newest matches of a word past the ranking budget from the postings, title first, then the newest', async () => {
      // A budget of 2 postings makes "zorglub" (5 articles) one of the frequent words.
      const frequent = new MysqlArticleSearch({ maxRankedPostings: 2 });
      const query = parseSearchQuery('zorglub');
      const statement = (await frequent.searchSql(ds, query, 10, null, new Date()))!;
      const plan: Array<{ table: string; type: string; key: string | null }> = await ds.query(`EXPLAIN ${statement.sql}`, statement.params);
      expect(plan.some((p) => p.type === 'fulltext')).toBe(false);
      expect(plan.find((p) => p.table === 'p')).toMatchObject({ key: 'PRIMARY' });
      const page = await frequent.search(ds, query, 10, null, new Date());
      expect(page.hits.map((h) => h.articleId)).toEqual([inTitle, ...[...inBody].sort((a, b) => b - a)]);
      expect(page.total).toBe(5);
      // Paging two at a time reaches the same order without gaps.
      expect(await pagedTwoByTwo(frequent, query, 5)).toEqual(page.hits.map((h) => h.articleId));
      // Under the budget the same query is ranked by InnoDB, and finds the same articles.
      const ranked = await new MysqlArticleSearch().search(ds, query, 10, null, new Date());
      expect(new Set(ranked.hits.map((h) => h.articleId))).toEqual(new Set(page.hits.map((h) => h.articleId)));
    });

    it('walks at most the newest postings of the driving word for several words too common to rank', async () => {
      const query = parseSearchQuery('zorglub vallee');
      // Budgets of 2: both words are past ranking, and "zorglub" (5 articles) drives.
      const walkTwo = new MysqlArticleSearch({ maxRankedPostings: 2, maxWalkLookUps: 2 });
      const newest = [...inBody].sort((a, b) => b - a);
      const page = await walkTwo.search(ds, query, 10, null, new Date());
      expect(page.hits.map((h) => h.articleId)).toEqual(newest.slice(0, 2));
      expect(page.total).toBe(2);
      expect(await walkTwo.count(ds, query, new Date())).toBe(2);
      // A walk as long as the word's postings finds every match, as without the bound.
      const whole = await new MysqlArticleSearch({ maxRankedPostings: 2, maxWalkLookUps: 5 }).search(ds, query, 10, null, new Date());
      expect(whole.hits.map((h) => h.articleId)).toEqual([inTitle, ...inBody].sort((a, b) => b - a));
      // One word alone is never bounded by it: its walk stops at its newest matches anyway.
      const alone = await walkTwo.search(ds, parseSearchQuery('zorglub'), 10, null, new Date());
      expect(alone.total).toBe(5);
    });

    it('bounds a prefix to the indexed words it stands for, on both plans', async () => {
      for (const search of [new MysqlArticleSearch(), new MysqlArticleSearch({ maxRankedPostings: 2 })]) {
        const page = await search.search(ds, parseSearchQuery('montagnes zorgl'), 10, null, new Date());
        expect(page.hits.map((h) => h.articleId)).toEqual([inTitle]);
      }
    });

    it('writes, replaces and removes postings with the article, in the same transaction', async () => {
      const search = new MysqlArticleSearch();
      const terms = async (id: number) =>
        (await ds.query('SELECT term FROM article_search_posting WHERE articleId = ? ORDER BY term', [id])).map((r: { term: string }) => r.term);
      const id = 900_001;
      await ds.transaction((m) => search.index(m, [{ articleId: id, title: 'Les Écureuils', standfirst: 'de la forêt', body: 'écureuils grimpeurs' }]));
      expect(await terms(id)).toEqual(['ecureuils', 'foret', 'grimpeurs']);
      await ds.transaction((m) => search.index(m, [{ articleId: id, title: 'Les marmottes', standfirst: '', body: '' }]));
      expect(await terms(id)).toEqual(['marmottes']);
      await expect(
        ds.transaction(async (m) => {
          await search.remove(m, [id]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await terms(id)).toEqual(['marmottes']);
      await ds.transaction((m) => search.remove(m, [id]));
      expect(await terms(id)).toEqual([]);
      expect(await ds.query('SELECT articleId FROM article_search WHERE articleId = ?', [id])).toEqual([]);
    });

    it('stops a search at its statement time limit with SEARCH_TIMEOUT, not a 500', async () => {
      const url = (ds.options as { url: string }).url;
      const locker = await mysql.createConnection({ uri: url });
      try {
        // A write lock held elsewhere makes any search wait, as a slow statement would.
        await locker.query('LOCK TABLES article_search WRITE');
        const direct = new MysqlArticleSearch({ statementTimeoutMs: 200 });
        await expect(direct.search(ds, parseSearchQuery('zorglub'), 10, null, new Date())).rejects.toMatchObject({
          extensions: { code: 'SEARCH_TIMEOUT', timeoutMs: 200 },
        });
        const res = await gql(fx.url, SEARCH, { q: 'zorglub' });
        expect(res.status).toBe(200);
        expect(res.errors?.[0]?.extensions?.code).toBe('SEARCH_TIMEOUT');
      } finally {
        await locker.query('UNLOCK TABLES');
        await locker.end();
      }
      expect((await gql(fx.url, SEARCH, { q: 'zorglub' })).data.search.totalCount).toBe(5);
    });

    it('gives every pooled connection the DB_STATEMENT_TIMEOUT_MS limit', async () => {
      const scratch = scratchTargets('mysql', 'stmt_timeout', ['editorial']);
      const previous = process.env.DB_STATEMENT_TIMEOUT_MS;
      process.env.DB_STATEMENT_TIMEOUT_MS = '250';
      let other: DataSource | undefined;
      try {
        other = await createDataSource({ subgraph: 'editorial', entities: [], migrations: editorialSubgraph.migrations, target: scratch.targets.editorial });
      } finally {
        if (previous === undefined) delete process.env.DB_STATEMENT_TIMEOUT_MS;
        else process.env.DB_STATEMENT_TIMEOUT_MS = previous;
      }
      try {
        await other.initialize();
        const flavour = other.options.type;
        const variable = flavour === 'mariadb' ? '@@SESSION.max_statement_time' : '@@SESSION.max_execution_time';
        const values = await Promise.all([1, 2, 3].map(() => other!.query(`SELECT ${variable} AS t, SLEEP(0.05) AS s`)));
        for (const [row] of values) expect(Number(row.t)).toBe(flavour === 'mariadb' ? 0.25 : 250);
        // MySQL's SLEEP returns 1 when interrupted instead of failing; MariaDB reports the limit.
        if (flavour === 'mariadb') await expect(other.query('SELECT SLEEP(2)')).rejects.toMatchObject({ errno: 1969 });
      } finally {
        await other.destroy();
        await scratch.cleanup();
      }
    });
  }
});
