import type { GraphQLSchema } from 'graphql';
import type { SubgraphName } from '../db/database-config';

/**
 * The other subgraphs served by the same process. A subgraph that must ask another one
 * something outside a gateway query plan (discussion asks editorial whether an article is
 * published) calls it here, in process, when it is present, and at its URL otherwise.
 * Schemas are looked up at call time, so the order subgraphs are built in does not matter.
 */
export type SubgraphPeers = {
  has(name: SubgraphName): boolean;
  schema(name: SubgraphName): GraphQLSchema | undefined;
};

/** A subgraph served alone: every peer is reached over HTTP. */
export const NO_PEERS: SubgraphPeers = { has: () => false, schema: () => undefined };

/** The subgraphs whose schemas `schemas` holds (filled as they are built), as peers in this process. */
export function peersIn(schemas: Partial<Record<SubgraphName, GraphQLSchema>>): SubgraphPeers {
  return { has: (name) => schemas[name] !== undefined, schema: (name) => schemas[name] };
}
