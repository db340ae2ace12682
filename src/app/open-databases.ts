import type { DataSource } from 'typeorm';
import { createDataSource, migrateDataSource } from '../db/data-source';
import type { DatabaseTarget } from '../db/database-config';
import { routeReadsToReplicas, type ReadRouting } from '../db/read-routing';
import type { SubgraphModule } from '../subgraphs/subgraph-module';

/**
 * Opens and migrates the database of each subgraph. `targets` overrides where a subgraph's
 * tables live (tests point every subgraph at a scratch database).
 */
export async function openDatabases(
  modules: SubgraphModule[],
  options: {
    migrate?: boolean;
    targets?: Partial<Record<string, DatabaseTarget>>;
    /** Serving processes pass theirs so reads of MySQL data sources with replicas go there. */
    readRouting?: ReadRouting;
  } = {},
): Promise<Map<string, DataSource>> {
  const opened = new Map<string, DataSource>();
  try {
    for (const mod of modules) {
      const ds = await createDataSource({
        subgraph: mod.name,
        entities: mod.entities,
        migrations: mod.migrations,
        target: options.targets?.[mod.name],
      });
      await ds.initialize();
      opened.set(mod.name, ds);
      if (options.migrate ?? true) await migrateDataSource(ds);
      if (options.readRouting && 'replication' in ds.options && ds.options.replication) routeReadsToReplicas(ds, options.readRouting);
    }
  } catch (err) {
    await closeDatabases(opened);
    throw err;
  }
  return opened;
}

export async function closeDatabases(dataSources: Map<string, DataSource>): Promise<void> {
  for (const ds of dataSources.values()) if (ds.isInitialized) await ds.destroy();
}
