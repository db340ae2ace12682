import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isUnionType, parse, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
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
  const instanceOf = (cls: Function) => {
    if (!instances.has(cls)) instances.set(cls, options.construct(cls));
    return instances.get(cls);
  };
  plainFieldsWithoutResolvers();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker,
    container: { get: instanceOf },
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const direct of directFieldResolvers(options.resolvers, instanceOf)) {
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
  const guarded = new Set<string>([...storage.authorizedFields.map((a) => a.fieldName), ...storage.middlewares.map((m) => m.fieldName)]);
  const explicit = new Set(storage.objectTypes.filter((o) => o.simpleResolvers !== undefined).map((o) => o.target));
  for (const field of storage.fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.params?.length && !guarded.has(field.name) && !explicit.has(field.target)) field.simple = true;
  }
}

type ParamKind = 'root' | 'context' | 'info';

/**
 * Field resolvers whose parameters are only the parent (`@Root()`), the context (`@Ctx()`) and
 * `@Info()`, with no guard or middleware, called straight: TypeGraphQL's wrapper builds a
 * resolver-data object, sorts and maps the parameter list and runs an empty middleware chain on
 * every call, which was 4–6 % of a rubric page's CPU profile (`getParams`, `applyMiddlewares`);
 * what the method receives is the same. A parameter with a property name, a conversion to a
 * class (`@Root()` typed with one), or any argument keeps TypeGraphQL's resolver.
 */
function directFieldResolvers(
  ofClasses: readonly Function[],
  instanceOf: (cls: Function) => unknown,
): Array<{ typeName: string; fieldName: string; resolve: GraphQLFieldResolver<unknown, unknown> }> {
  const storage = getMetadataStorage();
  const typeNames = new Map<Function, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const guarded = new Set<string>([...storage.authorizedFields.map((a) => a.fieldName), ...storage.middlewares.map((m) => m.fieldName)]);
  const direct = [];
  for (const field of storage.fieldResolvers) {
    if (!ofClasses.includes(field.target)) continue;
    const typeName = typeNames.get(field.getObjectType!());
    const instance = instanceOf(field.target);
    const method = instance && (instance as Record<string, unknown>)[field.methodName];
    if (!typeName || typeof method !== 'function' || field.kind !== 'external') continue;
    if (field.roles?.length || field.middlewares?.length || guarded.has(field.schemaName)) continue;
    const params = [...(field.params ?? [])].sort((a, b) => a.index - b.index);
    const plain = params.every((p) => {
      if (p.kind === 'info') return true;
      if (p.kind === 'context') return !p.propertyName;
      if (p.kind !== 'root' || p.propertyName) return false;
      const target = p.getType?.();
      return target === undefined || target === Object;
    });
    if (!plain) continue;
    const kinds = params.map((p) => p.kind as ParamKind);
    direct.push({ typeName, fieldName: field.schemaName, resolve: callWith(method as (...args: unknown[]) => unknown, instance, kinds) });
  }
  return direct;
}

/** A resolver calling `method` on `instance` with the parent, context and info in the order `kinds` gives. */
function callWith(method: (...args: unknown[]) => unknown, instance: unknown, kinds: ParamKind[]): GraphQLFieldResolver<unknown, unknown> {
  const key = kinds.join(',');
  if (key === 'root') return (root) => method.call(instance, root);
  if (key === 'root,context') return (root, _args, context) => method.call(instance, root, context);
  if (key === 'root,context,info') return (root, _args, context, info) => method.call(instance, root, context, info);
  const pick = (root: unknown, context: unknown, info: unknown) => kinds.map((k) => (k === 'root' ? root : k === 'context' ? context : info));
  return (root, _args, context, info) => method.apply(instance, pick(root, context, info));
}
