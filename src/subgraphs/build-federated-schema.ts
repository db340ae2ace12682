import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLScalarType, isUnionType, parse, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import * as classValidator from 'class-validator';
import { getMetadataStorage as getValidationStorage, IS_OPTIONAL, validateSync, ValidationTypes, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
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

/** Names of the fields with an `@Authorized` or `@UseMiddleware` of their own, on any class. */
function guardedFieldNames(): Set<string> {
  const storage = getMetadataStorage();
  return new Set<string>([...storage.authorizedFields.map((a) => a.fieldName), ...storage.middlewares.map((m) => m.fieldName)]);
}

/** One class-validator rule as its metadata storage describes it. */
type ValidationRule = ReturnType<ReturnType<typeof getValidationStorage>['getTargetValidationMetadatas']>[number];

/** Arguments validation as TypeGraphQL runs it: these build options, missing properties skipped. */
const BUILD_VALIDATION: ValidatorOptions = { forbidUnknownValues: false };
const ARGS_VALIDATION: ValidatorOptions = { ...BUILD_VALIDATION, skipMissingProperties: true };

/** What a directly called resolver passes for one parameter. */
type Param = { kind: 'root'; of?: new () => object } | { kind: 'context' | 'info' } | { kind: 'arg'; name: string } | { kind: 'args'; of: new () => object; fields: string[]; checked: boolean };

/**
 * Queries and field resolvers whose parameters are only the parent (`@Root()`), the context
 * (`@Ctx()`), `@Info()` and single arguments of a scalar or enum type, with no guard or
 * middleware, called straight. TypeGraphQL's wrapper builds a resolver-data object, sorts and
 * maps the parameter list and runs an empty middleware chain on every call (4–6 % of a rubric
 * page's CPU profile: `getParams`, `applyMiddlewares`), and its argument check is an async
 * function, so a field with any argument (a card's `rendition(name: CARD)`) answered with a
 * promise. For a scalar or enum value that check and the conversion to an instance change
 * nothing: the method receives the same values. The same holds for an arguments class
 * (`@Args()`) whose fields are all scalars or enums and which no class-validator rule
 * constrains (a connection's `first`/`after`): it receives an instance of the class with the
 * arguments' values, as TypeGraphQL builds it, and class-validator, which would find no rule,
 * is not run (on an article page, a comment thread's `replies(first: 5)` ran it ten times, each
 * an async validation: 5–7 % of the page's CPU profile with TypeGraphQL's wrapper). Such a class
 * whose rules are all synchronous (`article(slug:)`'s `@MaxLength`, `related(first:)`'s
 * `@Min`/`@Max`) is checked by class-validator's `validateSync`, with the same options and the
 * same error as TypeGraphQL's asynchronous check (4.8 % of the article page's CPU profile). A
 * parent declared as a class whose instances start empty (the subgraphs' `ArticleStub`) is
 * handed over as TypeGraphQL converts it (`fieldlessClass`). A parameter with a property name,
 * a parent of another class, an input class, an arguments class with an asynchronous or nested
 * rule or a field of an input type, or a validation setting of its own keeps TypeGraphQL's
 * resolver.
 */
function directResolvers(
  ofClasses: readonly Function[],
  instanceOf: (cls: Function) => unknown,
): Array<{ typeName: string; fieldName: string; resolve: GraphQLFieldResolver<unknown, unknown> }> {
  const storage = getMetadataStorage();
  const typeNames = new Map<Function, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const enums = new Set<unknown>(storage.enums.map((e) => e.enumObj));
  const plainValue = (target: unknown) =>
    target === String || target === Number || target === Boolean || target === Date || target instanceof GraphQLScalarType || enums.has(target);
  const argsKind = argsClasses(plainValue);
  const guarded = guardedFieldNames();
  const guardedClasses = new Set<Function>([...storage.authorizedResolver.map((a) => a.target), ...storage.resolverMiddlewares.map((m) => m.target)]);
  const handlers = [
    ...storage.fieldResolvers.filter((f) => f.kind === 'external').map((f) => ({ handler: f, typeName: typeNames.get(f.getObjectType!()) })),
    ...storage.queries.map((q) => ({ handler: q, typeName: 'Query' })),
  ];
  const direct = [];
  for (const { handler, typeName } of handlers) {
    if (!typeName || !ofClasses.includes(handler.target) || guardedClasses.has(handler.target)) continue;
    // Any `@Authorized` (an empty role list too: "signed in"), on the method or its class, and any
    // middleware keep TypeGraphQL's resolver, which runs them; names are compared both ways.
    if (handler.roles !== undefined || handler.middlewares?.length || guarded.has(handler.schemaName) || guarded.has(handler.methodName)) continue;
    const instance = instanceOf(handler.target);
    const method = instance && (instance as Record<string, unknown>)[handler.methodName];
    if (typeof method !== 'function') continue;
    const params: Param[] = [];
    for (const p of [...(handler.params ?? [])].sort((a, b) => a.index - b.index)) {
      if (p.kind === 'info' || (p.kind === 'context' && !p.propertyName)) params.push({ kind: p.kind });
      else if (p.kind === 'root' && !p.propertyName && [undefined, Object].includes(p.getType?.() as ObjectConstructor | undefined)) params.push({ kind: 'root' });
      else if (p.kind === 'root' && !p.propertyName && fieldlessClass(p.getType?.())) params.push({ kind: 'root', of: p.getType!() as new () => object });
      else if (p.kind === 'arg' && p.validateSettings === undefined && !p.validateFn && plainValue(p.getType())) params.push({ kind: 'arg', name: p.name });
      else if (p.kind === 'args' && p.validateSettings === undefined && !p.validateFn && argsKind(p.getType())) {
        const { kind, fields } = argsKind(p.getType()) as { kind: 'plain' | 'checked'; fields: string[] };
        params.push({ kind: 'args', of: p.getType() as new () => object, fields, checked: kind === 'checked' });
      }
      else break;
    }
    if (params.length !== (handler.params?.length ?? 0)) continue;
    direct.push({ typeName, fieldName: handler.schemaName, resolve: callWith(method as (...args: unknown[]) => unknown, instance, params) });
  }
  return direct;
}

/** A resolver calling `method` on `instance` with the parameters `params` describes. */
function callWith(method: (...args: unknown[]) => unknown, instance: unknown, params: Param[]): GraphQLFieldResolver<unknown, unknown> {
  const key = params.map((p) => (p.kind === 'root' && p.of ? 'instance' : p.kind)).join(',');
  if (key === 'root') return (root) => method.call(instance, root);
  if (key === 'root,context') return (root, _args, context) => method.call(instance, root, context);
  if (key === 'root,context,info') return (root, _args, context, info) => method.call(instance, root, context, info);
  type Pick = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
  const picks = params.map((p): Pick => {
    if (p.kind === 'arg') return (_root, args) => args[p.name];
    if (p.kind === 'args') {
      const build = argsInstance(p.of, p.fields);
      if (!p.checked) return (_root, args) => build(args);
      return (_root, args) => {
        const built = build(args);
        let errors: ValidationError[];
        try {
          errors = validateSync(built, ARGS_VALIDATION);
        } catch (error) {
          // TypeGraphQL wraps whatever the validation throws, an array of failures or not.
          throw new ArgumentValidationError(error as ValidationError[]);
        }
        if (errors.length) throw new ArgumentValidationError(errors);
        return built;
      };
    }
    if (p.kind === 'root' && p.of) {
      const of = p.of;
      // As TypeGraphQL's conversion: null, values of its simple types and instances as they are.
      return (root) => (root == null || SIMPLE_TYPES.includes((root as object).constructor) || root instanceof of ? root : Object.assign(new of(), root));
    }
    if (p.kind === 'root') return (root) => root;
    if (p.kind === 'context') return (_root, _args, context) => context;
    return (_root, _args, _context, info) => info;
  });
  return (root, args, context, info) => {
    let values: unknown[];
    try {
      values = picks.map((pick) => pick(root, args, context, info));
    } catch (error) {
      // TypeGraphQL's check is asynchronous: its refusal reaches graphql-js as a rejected
      // promise, after the fields beside it have run, and so does this one.
      if (error instanceof ArgumentValidationError) return Promise.reject(error);
      throw error;
    }
    return method.apply(instance, values);
  };
}

/** The classes whose values TypeGraphQL hands over as they are, not converted to the parameter's class. */
const SIMPLE_TYPES: unknown[] = [String, Boolean, Number, Date, Array, Promise];

/** An arguments class's instance as TypeGraphQL builds it: its declared fields that have a value, copied onto a new one. */
function argsInstance(of: new () => object, fields: string[]): (args: Record<string, unknown>) => object {
  return (args) => {
    const built = new of() as Record<string, unknown>;
    for (const field of fields) {
      const value = args[field];
      if (value !== undefined) built[field] = value;
    }
    return built;
  };
}

/**
 * Whether a parent declared as a class (`@Root() article: ArticleStub`) is handed over as
 * TypeGraphQL hands it: an instance as is, an object's values copied onto a new instance. That
 * holds for a class whose instances start with no own property (TypeGraphQL would also drop the
 * ones left undefined); a scalar type or any other class keeps TypeGraphQL's resolver.
 */
function fieldlessClass(type: unknown): boolean {
  const builtIn: unknown[] = [Object, String, Number, Boolean, Date, Array];
  if (typeof type !== 'function' || type.length > 0 || builtIn.includes(type)) return false;
  try {
    return Object.keys(new (type as new () => object)()).length === 0;
  } catch {
    return false;
  }
}

/**
 * How an arguments class can be called straight, with the names of its fields (its own, then
 * its parents'), or false. The class, with the classes it extends, must declare only single
 * scalar or enum fields and start its instances with no own property; its instance is then
 * built as TypeGraphQL builds it: the declared fields given a value, copied onto a new
 * instance. `plain` when no class-validator rule applies (validating it checks nothing);
 * `checked` when every rule is one of class-validator's own synchronous ones (`@MaxLength`,
 * `@Min`, `@IsOptional`...: checked by `validateSync` with the options TypeGraphQL gives
 * `validateOrReject`). A custom rule, which could return a promise `validateSync` would not
 * wait for, or a nested or promise rule keeps TypeGraphQL's resolver.
 */
function argsClasses(plainValue: (target: unknown) => boolean): (cls: unknown) => { kind: 'plain' | 'checked'; fields: string[] } | false {
  const storage = getMetadataStorage();
  const rules = getValidationStorage();
  const ownRuleNames = classValidatorRuleNames();
  const ownRule = (rule: ValidationRule) =>
    (rule.type === ValidationTypes.CUSTOM_VALIDATION && ownRuleNames.has(rule.name ?? '')) ||
    (rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.name === IS_OPTIONAL) ||
    rule.type === ValidationTypes.IS_DEFINED;
  return (cls) => {
    if (!fieldlessClass(cls)) return false;
    const fields: string[] = [];
    for (let c = cls as Function; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      const declared = storage.argumentTypes.find((a) => a.target === c);
      for (const f of declared?.fields ?? []) {
        if (f.typeOptions.array || !plainValue(f.getType())) return false;
        fields.push(f.name);
      }
    }
    if (!fields.length) return false;
    const declaredRules = rules.getTargetValidationMetadatas(cls as Function, '', true, false);
    if (!declaredRules.length) return { kind: 'plain', fields };
    return declaredRules.every(ownRule) ? { kind: 'checked', fields } : false;
  };
}

/** The names of class-validator's own rules (`maxLength`, `min`...), which it exports as constants (`MAX_LENGTH`). */
function classValidatorRuleNames(): Set<string> {
  return new Set(Object.entries(classValidator).flatMap(([key, value]) => (/^[A-Z][A-Z0-9_]*$/.test(key) && typeof value === 'string' ? [value] : [])));
}
