import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/**
 * Turns TypeGraphQL resolvers into an Apollo Federation v2 subgraph schema: TypeGraphQL builds
 * a plain schema (keeping `@key` and friends as directives), it is printed with those
 * directives, and `@apollo/subgraph` rebuilds it with `_entities`/`_service` and the
 * reference resolvers. Resolver classes are instantiated once per schema from `construct`,
 * which hands them the subgraph's runtime.
 */
export async function buildFederatedSchema(options: {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  construct: (cls: Function) => unknown;
  referenceResolvers: GraphQLResolverMap<unknown>;
}): Promise<GraphQLSchema> {
  const instances = new Map<Function, unknown>();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker,
    container: {
      get: (cls: Function) => {
        if (!instances.has(cls)) instances.set(cls, options.construct(cls));
        return instances.get(cls);
      },
    },
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, refs] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = Object.assign({}, resolvers[typeName], refs);
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
