import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { MigrationSet } from '../db/data-source';
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

/**
 * Everything the process needs to know about one subgraph: its tables and migrations, and
 * how to build its federated schema over an initialised data source.
 */
export type SubgraphModule = {
  name: SubgraphName;
  /** Port of the subgraph when it runs as its own service. */
  defaultPort: number;
  entities: Function[];
  migrations: MigrationSet;
  buildSchema(dataSource: DataSource, peers?: SubgraphPeers): Promise<GraphQLSchema>;
  /** Background jobs of this subgraph (e.g. the publication scheduler); returns their stop function. */
  startJobs?(dataSource: DataSource): () => void;
  /** Fills an empty database with the demo newsroom's rows for this subgraph. */
  seedDemo?(dataSource: DataSource): Promise<void>;
};
