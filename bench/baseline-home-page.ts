import { readDate, sqlDate } from '../src/db/sql-values';
import { rubricPath } from '../src/editorial/public-paths';
import { HEADLINE_SIZE, SELECTION_SIZE } from '../src/editorial/home-page.service';
import type { BaselineSql, Card } from './baseline-sql';

type SlotOrIssueRow = { kind: 'slot' | 'issue'; block: 'headline' | 'selection' | null; id: number; pos: number; title: string | null; onSaleDate: string | Date | null };

/**
 * The practical limit: the same home-page JSON as the GraphQL query, built by hand with the
 * fewest statements we could write (five), straight on the driver below TypeORM.
 */
export class BaselineHomePage {
  constructor(private readonly sql: BaselineSql) {}

  async render(perBlock = 4): Promise<unknown> {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const at = sqlDate(this.sql.ds, now);
    // 1. rubrics; 2. curated slots and the magazine issue on sale, in one statement.
    const [tree, slotsAndIssue] = await Promise.all([
      this.sql.rubricTree(),
      this.sql.query<SlotOrIssueRow>(
        `SELECT 'slot' AS kind, a.block AS block, s.articleId AS id, s.position AS pos, NULL AS title, NULL AS onSaleDate FROM front_page_slot s
         JOIN front_page_arrangement a ON a.id = s.arrangementId
         WHERE s.arrangementId IN (SELECT id FROM (
           SELECT * FROM (SELECT id FROM front_page_arrangement WHERE block = 'headline' AND activeFrom <= ? ORDER BY activeFrom DESC, id DESC LIMIT 1) AS h
           UNION ALL SELECT * FROM (SELECT id FROM front_page_arrangement WHERE block = 'selection' AND activeFrom <= ? ORDER BY activeFrom DESC, id DESC LIMIT 1) AS s2) AS cur)
         UNION ALL SELECT * FROM (SELECT 'issue' AS kind, NULL AS block, number AS id, 0 AS pos, title, onSaleDate FROM magazine_issue WHERE onSaleDate <= ? ORDER BY onSaleDate DESC, id DESC LIMIT 1) AS m`,
        [at, at, today],
      ),
    ]);
    const roots = tree.roots();
    const curated = { headline: [] as number[], selection: [] as number[] };
    let issue: { number: number; title: string | null; onSaleDate: string } | null = null;
    for (const row of slotsAndIssue.sort((a, b) => a.pos - b.pos)) {
      if (row.kind === 'slot') curated[row.block!].push(Number(row.id));
      else issue = { number: Number(row.id), title: row.title, onSaleDate: typeof row.onSaleDate === 'string' ? row.onSaleDate.slice(0, 10) : row.onSaleDate!.toISOString().slice(0, 10) };
    }
    // 3. every list in one UNION ALL.
    const spare = HEADLINE_SIZE + SELECTION_SIZE;
    const lists = [{ kind: 0, ref: 0, limit: spare + curated.headline.length + curated.selection.length }, ...roots.map((r) => ({ kind: 1, ref: r.id, limit: perBlock + spare }))];
    const listRows = await this.sql.rows<[number, number, string | Date]>(
      lists.map((l, i) => `SELECT * FROM (SELECT ${i} AS q, articleId, publishedAt FROM article_listing WHERE kind = ${l.kind} AND refId = ${l.ref} AND publishedAt <= ? ORDER BY publishedAt DESC, articleId DESC LIMIT ${l.limit}) AS t${i}`).join(' UNION ALL '),
      lists.map(() => at),
    );
    const pages: number[][] = lists.map(() => []);
    const order = listRows.map(([q, articleId, publishedAt]) => ({ q: Number(q), id: Number(articleId), at: readDate(publishedAt).getTime() }));
    for (const r of order.sort((a, b) => b.at - a.at || b.id - a.id)) pages[r.q].push(r.id);
    // Listed and curated articles are nearly always public: choose the page's articles first and
    // read only their cards (a third of the candidates); should one of them not be public, read
    // every candidate's card and choose again, as the GraphQL resolver does.
    const choose = (cards: Map<number, Card> | null) => {
      const shown = new Set<number>();
      const take = (candidates: number[], size: number) => {
        const out: number[] = [];
        for (const id of candidates) {
          if (out.length >= size) break;
          if ((!cards || cards.has(id)) && !shown.has(id)) {
            shown.add(id);
            out.push(id);
          }
        }
        return out;
      };
      const headline = take(curated.headline, HEADLINE_SIZE);
      const selection = take(curated.selection, SELECTION_SIZE);
      headline.push(...take(pages[0], HEADLINE_SIZE - headline.length));
      selection.push(...take(pages[0], SELECTION_SIZE - selection.length));
      return { headline, selection, blocks: roots.map((_, i) => take(pages[i + 1], perBlock)), shown };
    };
    // 4. articles with their hero image; 5. bylines with author names.
    let chosen = choose(null);
    let cards = await this.sql.cards([...chosen.shown], tree, now);
    if (cards.size < chosen.shown.size) {
      cards = await this.sql.cards([...new Set([...curated.headline, ...curated.selection, ...pages.flat()])], tree, now);
      chosen = choose(cards);
    }
    const card = (id: number) => cards.get(id)!;
    const headline = chosen.headline.map(card);
    const selection = chosen.selection.map(card);
    const rubricBlocks = roots.map((r, i) => ({ rubric: { name: r.name, path: rubricPath(r.path) }, articles: chosen.blocks[i].map(card) }));
    return {
      data: {
        homePage: { headline: { lead: headline[0] ?? null, secondary: headline.slice(1) }, selection, rubricBlocks, magazineIssue: issue },
      },
    };
  }
}
