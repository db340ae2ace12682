import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { MigrationSet } from '../db/data-source';
import type { SubgraphName } from '../db/database-config';
import type { HttpRoute } from '../server/plain-routes';

/** What a subgraph runs beside its schema in the process that serves it. */
export type SubgraphServices = {
  /** Plain HTTP endpoints served next to /graphql by whichever server fronts the subgraph. */
  routes?: Record<string, HttpRoute>;
  /** Graceful shutdown: called once the server takes no more requests, before the databases close. */
  stop?(): Promise<void>;
};

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
  /**
   * Starts what serving the subgraph needs beside its schema (buffers, event listeners, plain
   * HTTP endpoints), in every process that serves it, tests included; never when a schema is
   * only printed. Unlike `startJobs` this is not optional work.
   */
  startServices?(dataSource: DataSource, peers: SubgraphPeers): SubgraphServices;
};
