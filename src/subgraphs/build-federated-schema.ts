import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isUnionType, parse, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { BUILD_VALIDATION, directResolvers, guardedFieldNames } from './direct-resolvers';

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
  const instanceOf = (cls: Function) => {
    if (!instances.has(cls)) instances.set(cls, options.construct(cls));
    return instances.get(cls);
  };
  plainFieldsWithoutResolvers();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: BUILD_VALIDATION,
    authChecker,
    container: { get: instanceOf },
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const direct of directResolvers(options.resolvers, instanceOf)) {
    const ofType = resolvers[direct.typeName] as Record<string, unknown> | undefined;
    if (ofType?.[direct.fieldName]) ofType[direct.fieldName] = direct.resolve;
  }
  for (const [typeName, resolveType] of syncUnionResolvers(schema)) {
    resolvers[typeName] = Object.assign({}, resolvers[typeName], { __resolveType: resolveType });
  }
  for (const [typeName, refs] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = Object.assign({}, resolvers[typeName], refs);
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/**
 * TypeGraphQL wraps a union's `resolveType` in an async function (it awaits the user's, then
 * maps the class returned to its type name), so every union value costs a promise, and
 * graphql-jit, which wants the type name synchronously, cannot resolve it at all. These do the
 * same mapping synchronously (a promise from the user's function is still followed).
 */
function syncUnionResolvers(schema: GraphQLSchema): Map<string, GraphQLTypeResolver<unknown, unknown>> {
  const storage = getMetadataStorage();
  const names = new Map<Function, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const found = new Map<string, GraphQLTypeResolver<unknown, unknown>>();
  for (const union of storage.unions) {
    const userResolveType = union.resolveType;
    if (!userResolveType || !isUnionType(schema.getType(union.name))) continue;
    const nameOf = (resolved: unknown): string | undefined =>
      resolved == null ? undefined : typeof resolved === 'string' ? resolved : names.get(resolved as Function);
    found.set(union.name, (value, context, info, type) => {
      const resolved = userResolveType(value, context, info, type);
      return resolved instanceof Promise ? resolved.then(nameOf) : nameOf(resolved);
    });
  }
  return found;
}

/**
 * TypeGraphQL gives every plain field (a property, no field resolver) a resolver of its own
 * that builds a resolver-data object and runs the middleware chain, only to read the
 * property; graphql-js then calls it and graphql-jit cannot inline the read. Marked `simple`,
 * such a field has no resolver and is read directly. A field guarded by `@Authorized` or
 * `@UseMiddleware` (on any class: names are compared, to stay on the safe side) keeps its
 * resolver, and so does a field named apart from its property, or whose class or decorator
 * says otherwise.
 */
function plainFieldsWithoutResolvers(): void {
  const storage = getMetadataStorage();
  const guarded = guardedFieldNames();
  const explicit = new Set(storage.objectTypes.filter((o) => o.simpleResolvers !== undefined).map((o) => o.target));
  for (const field of storage.fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.params?.length && !guarded.has(field.name) && !explicit.has(field.target)) field.simple = true;
  }
}
