import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';

const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/** What rankings need to know of an article the public can see now. */
export type ArticleFacts = { publishedAt: Date | null; rubricPath: string };

/**
 * Asks the editorial subgraph about articles, through federation's own contract: `_entities`
 * with Article representations, sent as an anonymous reader. Editorial resolves articles the
 * public cannot see (drafts, scheduled, embargoed, unpublished, deleted) to null, so a null
 * means "not to be ranked", by editorial's rules whatever they become. One call answers a
 * whole batch; the audience subgraph never reads editorial tables.
 */
export interface EditorialArticles {
  /** Facts per id, null for articles the public cannot see. */
  lookup(ids: number[]): Promise<Map<number, ArticleFacts | null>>;
}

const FACTS_QUERY = `query AudienceArticleFacts($r: [_Any!]!) {
  _entities(representations: $r) { ... on Article { id publishedAt rubric { id ancestors { id } } } }
}`;

type EntityAnswer = { id: string; publishedAt: string | null; rubric: { id: string; ancestors: Array<{ id: string }> } } | null;
type Send = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

export class FederatedEditorialArticles implements EditorialArticles {
  constructor(private readonly send: Send) {}

  async lookup(ids: number[]): Promise<Map<number, ArticleFacts | null>> {
    const result = await this.send(FACTS_QUERY, { r: ids.map((id) => ({ __typename: 'Article', id: String(id) })) });
    if (result.errors?.length) throw new Error(`Editorial answered the article lookup with errors: ${result.errors.map((e) => e.message).join('; ')}`);
    const entities = ((result.data as { _entities?: EntityAnswer[] } | undefined)?._entities ?? []) as EntityAnswer[];
    const facts = new Map<number, ArticleFacts | null>();
    ids.forEach((id, i) => {
      const entity = entities[i];
      facts.set(id, entity ? { publishedAt: entity.publishedAt ? new Date(entity.publishedAt) : null, rubricPath: rubricPathOf(entity.rubric) } : null);
    });
    return facts;
  }

  /** Editorial served by this process: its schema is executed directly. */
  static inProcess(schema: () => GraphQLSchema | undefined): FederatedEditorialArticles {
    const document = parse(FACTS_QUERY);
    return new FederatedEditorialArticles(async (_query, variables) => {
      const editorial = schema();
      if (!editorial) throw new Error('The editorial subgraph is not served in this process');
      const ctx: RequestContext = { requestId: randomUUID(), now: new Date(), viewer: null, ip: '', headers: {} };
      return (await execute({ schema: editorial, document, variableValues: variables, contextValue: ctx })) as ExecutionResult;
    });
  }

  /** Editorial as its own service: SUBGRAPH_EDITORIAL_URL, else the URL in the committed supergraph. */
  static overHttp(url?: string): FederatedEditorialArticles {
    return new FederatedEditorialArticles(async (query, variables) => {
      const res = await fetch(url ?? editorialUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`Editorial answered the article lookup with HTTP ${res.status}`);
      return (await res.json()) as ExecutionResult;
    });
  }
}

/** "/<top rubric id>/…/<rubric id>/", the same shape as editorial's own rubric tree paths. */
export function rubricPathOf(rubric: { id: string; ancestors: Array<{ id: string }> }): string {
  return `/${[...rubric.ancestors.map((a) => a.id), rubric.id].join('/')}/`;
}

function editorialUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SUBGRAPH_EDITORIAL_URL) return env.SUBGRAPH_EDITORIAL_URL;
  const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const match = /@join__graph\(name: "editorial", url: "([^"]+)"\)/.exec(supergraph);
  if (!match) throw new Error('No editorial URL: set SUBGRAPH_EDITORIAL_URL');
  return match[1];
}
