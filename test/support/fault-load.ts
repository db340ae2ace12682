import { gql, type GraphQLResponse } from './graphql-client';
import { ARTICLE_PAGE, HOME_PAGE } from './page-queries';

/** One page request of the load, as the fault suites judge it. */
export type PageSample = {
  /** The phase the request started in. */
  phase: string;
  /** The phase it ended in: a request in flight when a process is killed belongs to both. */
  endPhase: string;
  page: 'home' | 'article';
  /** What is wrong with the answer; empty when it is a good (possibly partial) page. */
  problems: string[];
  /** `code subgraph` of every error, e.g. "SUBGRAPH_TIMEOUT audience". */
  failures: string[];
  /** HTTP status (0 when the request itself failed) and the code of every error ("undefined" when one has none). */
  status: number;
  codes: string[];
  ms: number;
};

/**
 * What a reader's page must always hold whatever the other subgraphs do: a 200 with the
 * editorial content, and nothing but named, coded errors on the fields of the subgraphs
 * allowed to fail.
 */
export function judgePage(page: 'home' | 'article', status: number, res: GraphQLResponse, allowed: { codes: string[]; subgraphs: string[] }): string[] {
  const problems: string[] = [];
  if (status !== 200) problems.push(`HTTP ${status}`);
  if (page === 'home') {
    const home = res.data?.homePage;
    if (typeof home?.headline?.lead?.title !== 'string') problems.push('home page without its headline');
    if (!home?.selection?.length) problems.push('home page without its selection');
  } else {
    const article = res.data?.article;
    if (typeof article?.title !== 'string' || !article?.body?.length) problems.push('article page without its article');
  }
  for (const e of res.errors ?? []) {
    const code = String(e.extensions?.code);
    const subgraph = String(e.extensions?.subgraph);
    if (!allowed.codes.includes(code) || !allowed.subgraphs.includes(subgraph)) problems.push(`unexpected error ${code} from ${subgraph}: ${e.message}`);
    if (!Array.isArray(e.path) || !e.path.length) problems.push(`error without a path: ${e.message}`);
  }
  return problems;
}

/**
 * A few readers looping over the home page and article pages through the gateway until
 * stopped, each request judged and labelled with the phase the suite is in.
 */
export class PageLoad {
  phase = 'start';
  readonly samples: PageSample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly slugs: string[],
    private readonly allowed: { codes: string[]; subgraphs: string[] },
  ) {}

  start(clients: number): void {
    this.running = true;
    this.loops = Array.from({ length: clients }, (_, i) => this.loop(i));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The requests that started in `phase`. */
  of(phase: string): PageSample[] {
    return this.samples.filter((s) => s.phase === phase);
  }

  /**
   * Waits until `count` requests have started and ended in the current phase: phases last a
   * number of pages, not a time, so a slow machine makes the suite slower, not wrong.
   */
  async settle(count: number): Promise<void> {
    const phase = this.phase;
    while (this.within(phase).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** The requests that started and ended in `phase`. */
  within(phase: string): PageSample[] {
    return this.samples.filter((s) => s.phase === phase && s.endPhase === phase);
  }

  private async loop(client: number): Promise<void> {
    for (let n = client; this.running; n++) {
      const page = n % 2 === 0 ? 'home' : 'article';
      const phase = this.phase;
      const started = performance.now();
      let problems: string[];
      let failures: string[] = [];
      let status = 0;
      let codes: string[] = [];
      try {
        const res = page === 'home' ? await gql(this.url, HOME_PAGE) : await gql(this.url, ARTICLE_PAGE, { slug: this.slugs[n % this.slugs.length] });
        status = res.status;
        problems = judgePage(page, res.status, res, this.allowed);
        failures = [...new Set((res.errors ?? []).map((e) => `${e.extensions?.code} ${e.extensions?.subgraph}`))];
        codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
      } catch (err) {
        problems = [`request failed: ${(err as Error).message}`];
      }
      this.samples.push({ phase, endPhase: this.phase, page, problems, failures, status, codes, ms: performance.now() - started });
      // A reader reads: a bounded load, not a benchmark (the suite shares the machine).
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Runs `fn` until it returns true or `attempts` run out, pausing `pauseMs` between tries. */
export async function eventually(fn: () => Promise<boolean>, attempts = 50, pauseMs = 200): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await fn()) return true;
    await sleep(pauseMs);
  }
  return false;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
