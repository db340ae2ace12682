import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';

const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/**
 * Whether readers can see an article now, asked of the subgraph that owns articles.
 *
 * The discussion subgraph must refuse comments on unknown and unpublished articles, but it
 * never reads editorial tables, and a copy of "is it published" kept from content events
 * would be stale whenever an event is missed, arrives late, or predates this subgraph (and
 * embargoes and scheduled times change visibility without any write). So it asks editorial
 * through federation's own contract: `_entities` with an Article representation, sent as an
 * anonymous reader. Editorial resolves references to articles the public cannot see to
 * null, so a non-null answer means "published and visible now", by editorial's rules,
 * whatever they become. It costs one subgraph call per posted comment, and nothing on reads:
 * the gateway reaches `Article.comments` only through an article editorial resolved.
 */
export interface PublishedArticles {
  isPublished(articleId: number): Promise<boolean>;
}

const ENTITY_QUERY = 'query ArticleVisibility($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id } } }';

type Send = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

export class FederatedPublishedArticles implements PublishedArticles {
  constructor(private readonly send: Send) {}

  async isPublished(articleId: number): Promise<boolean> {
    const result = await this.send(ENTITY_QUERY, { r: [{ __typename: 'Article', id: String(articleId) }] });
    if (result.errors?.length) throw new Error(`Editorial answered the article check with errors: ${result.errors.map((e) => e.message).join('; ')}`);
    const entities = (result.data as { _entities?: Array<{ id: string } | null> } | undefined)?._entities;
    return Boolean(entities?.[0]);
  }

  /** Editorial running in this process: its schema is executed directly, as an anonymous reader. */
  static inProcess(schema: () => GraphQLSchema | undefined): FederatedPublishedArticles {
    const document = parse(ENTITY_QUERY);
    return new FederatedPublishedArticles(async (_query, variables) => {
      const editorial = schema();
      if (!editorial) throw new Error('The editorial subgraph is not served in this process');
      const ctx: RequestContext = { requestId: randomUUID(), now: new Date(), viewer: null, ip: '', headers: {} };
      return (await execute({ schema: editorial, document, variableValues: variables, contextValue: ctx })) as ExecutionResult;
    });
  }

  /** Editorial as its own service: SUBGRAPH_EDITORIAL_URL, else the URL in the committed supergraph. */
  static overHttp(url?: string): FederatedPublishedArticles {
    return new FederatedPublishedArticles(async (query, variables) => {
      const res = await fetch(url ?? editorialUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`Editorial answered the article check with HTTP ${res.status}`);
      return (await res.json()) as ExecutionResult;
    });
  }
}

function editorialUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SUBGRAPH_EDITORIAL_URL) return env.SUBGRAPH_EDITORIAL_URL;
  const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const match = /@join__graph\(name: "editorial", url: "([^"]+)"\)/.exec(supergraph);
  if (!match) throw new Error('No editorial URL: set SUBGRAPH_EDITORIAL_URL');
  return match[1];
}
