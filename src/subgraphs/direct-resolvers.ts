import { GraphQLScalarType, type GraphQLFieldResolver } from 'graphql';
import * as classValidator from 'class-validator';
import { getMetadataStorage as getValidationStorage, IS_OPTIONAL, validateSync, ValidationTypes, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';
import { memoizeValidationMetadata } from './validation-metadata-memo';

/** Names of the fields with an `@Authorized` or `@UseMiddleware` of their own, on any class. */
export function guardedFieldNames(): Set<string> {
  const storage = getMetadataStorage();
  return new Set<string>([...storage.authorizedFields.map((a) => a.fieldName), ...storage.middlewares.map((m) => m.fieldName)]);
}

/** One class-validator rule as its metadata storage describes it. */
type ValidationRule = ReturnType<ReturnType<typeof getValidationStorage>['getTargetValidationMetadatas']>[number];

/** Arguments validation as TypeGraphQL runs it: these build options, missing properties skipped. */
export const BUILD_VALIDATION: ValidatorOptions = { forbidUnknownValues: false };
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
export function directResolvers(
  ofClasses: readonly Function[],
  instanceOf: (cls: Function) => unknown,
): Array<{ typeName: string; fieldName: string; resolve: GraphQLFieldResolver<unknown, unknown> }> {
  // Arguments checked here and by TypeGraphQL look their class's rules up once.
  memoizeValidationMetadata();
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
      else if (p.kind === 'args' && p.validateSettings === undefined && !p.validateFn) {
        const args = argsKind(p.getType());
        if (!args) break;
        params.push({ kind: 'args', of: p.getType() as new () => object, fields: args.fields, checked: args.kind === 'checked' });
      } else break;
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
  if (typeof type !== 'function' || type.length > 0 || type === Object || SIMPLE_TYPES.includes(type)) return false;
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
