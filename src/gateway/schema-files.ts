import { DataSource } from 'typeorm';
import { NO_PEERS } from '../subgraphs/subgraph-peers';
import { subgraphList } from '../subgraphs/subgraph-modules';
import { composeSupergraph, defaultSubgraphUrl, subgraphSdl } from './compose-supergraph';

/**
 * The reviewed schema artifacts, file name → text. Schemas are built over an unopened
 * in-memory data source: printing needs the resolvers, not a database.
 */
export async function generateSchemaFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const subgraphs = [];
  for (const mod of subgraphList()) {
    // An empty environment: in-memory limiters, no Redis or SMTP connection for a printout.
    const subgraph = await mod.start(new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: mod.entities }), { env: {} }, NO_PEERS);
    await subgraph.stop();
    const schema = subgraph.schema;
    const sdl = subgraphSdl(schema);
    files[`${mod.name}.graphql`] = sdl.endsWith('\n') ? sdl : `${sdl}\n`;
    subgraphs.push({ name: mod.name, url: defaultSubgraphUrl(mod.name, mod.defaultPort), sdl });
  }
  const { supergraphSdl, apiSdl } = composeSupergraph(subgraphs);
  files['supergraph.graphql'] = supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`;
  files['api.graphql'] = `${apiSdl}\n`;
  return files;
}
