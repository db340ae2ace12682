import type { Article } from '../../entities/editorial/article.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { RequestContext } from '../context/request-context';
import { badInput } from '../errors/app-error';
import { ArticleReadService } from './article-read.service';
import { currentFrontPage } from './front-page.repository';
import type { EditorialRuntime } from './editorial-runtime';
import type { HomePageContent } from './home-page-content';

export const HEADLINE_SIZE = 5;
export const SELECTION_SIZE = 6;
export const MAX_ARTICLES_PER_BLOCK = 12;

/**
 * Assembles the home page with a fixed number of statements, whatever its size: the rubric
 * tree and the curated slots, then every list (latest overall and one per top-level rubric)
 * in one UNION ALL, then every article in one IN query. An article appears once: the curated
 * blocks come first, empty slots are filled with the latest published, and rubric blocks
 * skip what is already shown above them.
 */
export class HomePageService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  /**
   * `at` previews the curated blocks as arranged at another time (editors only; see
   * homePagePreview). `magazineArticles`: whether the magazine issue's featured articles are
   * read with the page's (`featuredArticles` is asked for, or may be); when they are not, the
   * page reads one statement and their cards fewer.
   */
  content(articlesPerBlock: number, at?: Date, magazineArticles = true): Promise<HomePageContent> {
    if (!Number.isInteger(articlesPerBlock) || articlesPerBlock < 1 || articlesPerBlock > MAX_ARTICLES_PER_BLOCK) {
      throw badInput(`articlesPerBlock must be between 1 and ${MAX_ARTICLES_PER_BLOCK}`, { argument: 'articlesPerBlock' });
    }
    const perContext = this.rt.homePages(this.ctx);
    const page = at ? `at ${at.getTime()}` : `size ${articlesPerBlock}`;
    // A build with the magazine's articles serves a field without them too (one build per page).
    let content = perContext.get(`${page}:true`) ?? (magazineArticles ? undefined : perContext.get(`${page}:false`));
    if (!content) perContext.set(`${page}:${magazineArticles}`, (content = this.assemble(articlesPerBlock, at, magazineArticles)));
    return content;
  }

  private async assemble(perBlock: number, at: Date | undefined, magazineArticles: boolean): Promise<HomePageContent> {
    const loaders = this.rt.loaders(this.ctx);
    // Round trips are fixed: (tree, slots, magazine) → (lists, featured ids) → articles. The
    // magazine is read here, not by its own field, so its articles join the one article batch
    // and its cover joins the batch of hero images, whatever the timing of the database.
    const [tree, curated, magazineIssue] = await Promise.all([
      loaders.rubricTree(),
      at ? currentFrontPage(this.rt.dataSource, at) : loaders.frontPage(),
      loaders.currentMagazineIssue(),
    ]);
    const roots = tree.roots();
    const curatedCount = curated.headline.length + curated.selection.length;
    const spare = HEADLINE_SIZE + SELECTION_SIZE;
    const [featured, latest, ...blocks] = await Promise.all([
      magazineIssue && magazineArticles ? loaders.articleIdsByMagazineIssue.load(magazineIssue.id) : Promise.resolve([] as number[]),
      loaders.listPage.load({ key: { kind: ListingKind.All, refId: 0 }, limit: spare + curatedCount }),
      ...roots.map((r) => loaders.listPage.load({ key: { kind: ListingKind.Rubric, refId: r.id }, limit: perBlock + spare })),
    ]);
    const latestIds = latest.map((e) => e.articleId);
    const blockIds = blocks.map((block) => block.map((e) => e.articleId));
    // The lists hold many more candidates than the page shows (each block skips what is shown
    // above it). Reading only the articles a layout would show, assuming every listed article
    // visible, reads ~55 rows instead of ~125; an article that turns out not to be visible is
    // replaced by the next candidates, read in a further statement (rare: the listing follows
    // publication).
    const read = new ArticleReadService(this.rt, this.ctx);
    const byId = new Map<number, Article>();
    const fetched = new Set<number>();
    let wanted: number[] = [...featured];
    let layout = arrange(curated, latestIds, blockIds, perBlock, (id) => !fetched.has(id) || byId.has(id));
    for (;;) {
      wanted.push(...layout.ids.filter((id) => !fetched.has(id)));
      wanted = wanted.filter((id) => !fetched.has(id));
      if (!wanted.length) break;
      for (const id of wanted) fetched.add(id);
      for (const article of await read.manyById(wanted)) byId.set(article.id, article);
      layout = arrange(curated, latestIds, blockIds, perBlock, (id) => !fetched.has(id) || byId.has(id));
    }
    const articles = (ids: number[]) => ids.map((id) => byId.get(id)!);
    const headline = articles(layout.headline);
    const selection = articles(layout.selection);
    const rubricBlocks = roots.map((rubric, i) => ({ rubric, articles: articles(layout.blocks[i]) }));
    return { magazineIssue, headline, selection, rubricBlocks };
  }
}

/**
 * Which article ids the page shows where, given which ids may be shown: the curated headline
 * and selection, their empty places filled with the latest, then each rubric block, no
 * article twice.
 */
function arrange(
  curated: { headline: number[]; selection: number[] },
  latest: number[],
  blocks: number[][],
  perBlock: number,
  showable: (id: number) => boolean,
): { headline: number[]; selection: number[]; blocks: number[][]; ids: number[] } {
  const shown = new Set<number>();
  const take = (candidates: number[], size: number): number[] => {
    const out: number[] = [];
    for (const id of candidates) {
      if (out.length >= size) break;
      if (showable(id) && !shown.has(id)) {
        shown.add(id);
        out.push(id);
      }
    }
    return out;
  };
  const headline = take(curated.headline, HEADLINE_SIZE);
  const selection = take(curated.selection, SELECTION_SIZE);
  headline.push(...take(latest, HEADLINE_SIZE - headline.length));
  selection.push(...take(latest, SELECTION_SIZE - selection.length));
  const rubricBlocks = blocks.map((candidates) => take(candidates, perBlock));
  return { headline, selection, blocks: rubricBlocks, ids: [...shown] };
}
