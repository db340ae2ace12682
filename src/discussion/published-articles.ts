import type { GraphQLSchema } from 'graphql';
import { subgraphCaller, type SubgraphCall } from '../federation/subgraph-caller';

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


export class FederatedPublishedArticles implements PublishedArticles {
  constructor(private readonly send: SubgraphCall) {}

  async isPublished(articleId: number): Promise<boolean> {
    const result = await this.send(ENTITY_QUERY, { r: [{ __typename: 'Article', id: String(articleId) }] });
    if (result.errors?.length) throw new Error(`Editorial answered the article check with errors: ${result.errors.map((e) => e.message).join('; ')}`);
    const entities = (result.data as { _entities?: Array<{ id: string } | null> } | undefined)?._entities;
    return Boolean(entities?.[0]);
  }

  /** Editorial running in this process: its schema is executed directly, as an anonymous reader. */
  static inProcess(schema: () => GraphQLSchema | undefined): FederatedPublishedArticles {
    return new FederatedPublishedArticles(subgraphCaller.inProcess(schema, 'editorial'));
  }

  /** Editorial as its own service: SUBGRAPH_EDITORIAL_URL, else the URL in the committed supergraph. */
  static overHttp(url?: string): FederatedPublishedArticles {
    return new FederatedPublishedArticles(subgraphCaller.overHttp('editorial', url));
  }
}

