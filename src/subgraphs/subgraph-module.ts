import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema } from 'typeorm';
import type { MigrationSet } from '../db/data-source';
import type { SubgraphName } from '../db/database-config';
import type { HttpRoute } from '../server/plain-routes';
import type { SubgraphConfig, SubgraphRuntimes } from './subgraph-config';
import type { SubgraphPeers } from './subgraph-peers';
import type { EventChannels } from '../events/event-channels';
import type { EventOutbox } from '../events/event-outbox';

/**
 * One subgraph as its composition root started it: its runtime (what its resolvers and
 * services share), its federated schema over that runtime, the plain HTTP endpoints it serves
 * next to /graphql, and how to stop what it started. Nothing of it lives at module level, so
 * two instances (on two databases) can run side by side in one process.
 */
export type RunningSubgraph<R = unknown> = {
  runtime: R;
  schema: GraphQLSchema;
  routes: Record<string, HttpRoute>;
  /** Graceful shutdown: called once the server takes no more requests, before the databases close. */
  stop(): Promise<void>;
  /** The relay of the subgraph's transactional outbox, when it emits events (editorial, discussion). */
  outbox?: EventOutbox;
};

/**
 * Everything the process needs to know about one subgraph: its tables and migrations, and
 * its composition root.
 */
export type SubgraphModule<N extends SubgraphName = SubgraphName> = {
  name: N;
  /** Port of the subgraph when it runs as its own service. */
  defaultPort: number;
  entities: Array<Function | EntitySchema>;
  migrations: MigrationSet;
  /**
   * The composition root: builds the subgraph's runtime from the configuration (and from the
   * environment for what it leaves out) over an initialised data source, the schema whose
   * resolvers are constructed with that runtime, and starts what serving needs beside the
   * schema (buffers, event listeners, endpoints). Printing the schema starts it over an
   * unopened data source with an empty environment and stops it at once.
   */
  start(dataSource: DataSource, config: SubgraphConfig, peers: SubgraphPeers): Promise<RunningSubgraph<SubgraphRuntimes[N]>>;
  /** Background jobs of this subgraph (e.g. the publication scheduler); returns their stop function. */
  startJobs?(dataSource: DataSource, events: EventChannels): () => void;
  /** Fills an empty database with the demo newsroom's rows for this subgraph. */
  seedDemo?(dataSource: DataSource): Promise<void>;
};
