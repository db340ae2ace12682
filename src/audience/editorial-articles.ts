import type { GraphQLSchema } from 'graphql';
import { subgraphCaller, type SubgraphCall } from '../federation/subgraph-caller';

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

export class FederatedEditorialArticles implements EditorialArticles {
  constructor(private readonly send: SubgraphCall) {}

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
    return new FederatedEditorialArticles(subgraphCaller.inProcess(schema, 'editorial'));
  }

  /** Editorial as its own service: SUBGRAPH_EDITORIAL_URL, else the URL in the committed supergraph. */
  static overHttp(url?: string): FederatedEditorialArticles {
    return new FederatedEditorialArticles(subgraphCaller.overHttp('editorial', url));
  }
}

/** "/<top rubric id>/…/<rubric id>/", the same shape as editorial's own rubric tree paths. */
export function rubricPathOf(rubric: { id: string; ancestors: Array<{ id: string }> }): string {
  return `/${[...rubric.ancestors.map((a) => a.id), rubric.id].join('/')}/`;
}

