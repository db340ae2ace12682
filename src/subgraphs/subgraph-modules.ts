import type { SubgraphName } from '../db/database-config';
import { accountsSubgraph } from './accounts.subgraph';
import { audienceSubgraph } from './audience.subgraph';
import { discussionSubgraph } from './discussion.subgraph';
import { editorialSubgraph } from './editorial.subgraph';
import type { SubgraphModule } from './subgraph-module';

/** The subgraphs this codebase serves, in composition order. */
export function subgraphModules(): Partial<Record<SubgraphName, SubgraphModule>> {
  return { editorial: editorialSubgraph, accounts: accountsSubgraph, discussion: discussionSubgraph, audience: audienceSubgraph };
}

export function subgraphList(): SubgraphModule[] {
  return Object.values(subgraphModules()) as SubgraphModule[];
}
