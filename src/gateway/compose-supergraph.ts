import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema, type GraphQLSchema } from 'graphql';

export type SubgraphSdl = { name: string; url: string; sdl: string };

/** The SDL of a subgraph as the gateway sees it, federation directives (`@key`) included. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}

/** Composes subgraph SDL into the supergraph and the client-facing API schema; throws on composition errors. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): { supergraphSdl: string; apiSdl: string } {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length || !result.schema || !result.supergraphSdl) {
    throw new Error(`Supergraph composition failed:\n${(result.errors ?? []).map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) };
}

/** The URL a subgraph is reached at when it runs as its own service (what the committed supergraph names). */
export function defaultSubgraphUrl(name: string, port: number): string {
  return `http://localhost:${port}/graphql`;
}
