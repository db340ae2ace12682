import type { SubgraphName } from '../db/database-config';
import { accountsSubgraph } from './accounts.subgraph';
import { discussionSubgraph } from './discussion.subgraph';
import { editorialSubgraph } from './editorial.subgraph';
import type { SubgraphModule } from './subgraph-module';

/** The subgraphs this codebase serves, in composition order. */
export function subgraphModules(): Partial<Record<SubgraphName, SubgraphModule>> {
  return { editorial: editorialSubgraph, accounts: accountsSubgraph, discussion: discussionSubgraph };
}

export function subgraphList(): SubgraphModule[] {
  return Object.values(subgraphModules()) as SubgraphModule[];
}
