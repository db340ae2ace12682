import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { MigrationSet } from '../db/data-source';
import type { SubgraphName } from '../db/database-config';

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
  buildSchema(dataSource: DataSource): Promise<GraphQLSchema>;
  /** Background jobs of this subgraph (e.g. the publication scheduler); returns their stop function. */
  startJobs?(dataSource: DataSource): () => void;
  /** Fills an empty database with the demo newsroom's rows for this subgraph. */
  seedDemo?(dataSource: DataSource): Promise<void>;
};
