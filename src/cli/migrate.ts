/** `npm run migrate`: brings every subgraph's database to the newest schema, then exits. */
import 'reflect-metadata';
import { closeDatabases, openDatabases } from '../app/open-databases';
import { subgraphList } from '../subgraphs/subgraph-modules';

async function main(): Promise<void> {
  const dataSources = await openDatabases(subgraphList(), { migrate: true });
  for (const [name, ds] of dataSources) {
    const pending = await ds.showMigrations();
    console.log(`${name}: ${pending ? 'migrations still pending' : 'up to date'}`);
  }
  await closeDatabases(dataSources);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
