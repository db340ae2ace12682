import { gatewayModule } from './apollo-internals';

/**
 * Apollo Gateway shapes the merged answers of a query plan's fetches into the client's answer
 * (`computeResponse`, @apollo/gateway's resultShaping.js) by walking the operation in its
 * planner's form for every object of every answer: per selection it asks the selection for its
 * `@skip`/`@include` directives, the field for its definition and type through the planner's
 * getters, allocates a result record per value and a prototype-less object per output object.
 * On the article page (a plan of six fetches over four subgraphs) that walk was 16 % of the CPU
 * in process, the largest part the hand-written page does not have.
 *
 * Here each operation's walk is compiled once into closures: types, response names, directives,
 * leaf checks and type conditions are settled when compiling, and the walk only reads and
 * writes values. It covers the answers that shape without error. Whatever would make the
 * gateway report an error or assert (null for a non-null field, an invalid leaf value, an
 * unknown `__typename`, a list of the wrong length) makes it give up, and the gateway's own
 * `computeResponse` shapes that answer from the start, so errors, null bubbling and their
 * paths stay exactly the gateway's. Operations with introspection fields other than
 * `__typename`, or a response name that Object's prototype has (`constructor`, `__proto__`...),
 * always go to the original.
 *
 * The gateway has no option for this, so, as for the operation memo (operation-memo.ts), the
 * module's export is wrapped once per process. Compiled walks are kept per operation object,
 * weakly, and only from an operation's second answer on: the memo hands the gateway the same
 * operation object for every request of the same parsed document, and an operation seen once
 * is not worth compiling. `test/unit/result-shaping.test.ts` compares both on the same answers
 * and fails if a release of Apollo Gateway moves the function.
 */

type Json = Record<string, unknown>;
type Variables = Record<string, unknown>;

/** What this file reads of @apollo/federation-internals' types and operations (its own classes, untyped here). */
interface PlannerType {
  kind: string;
  name: string;
  ofType?: PlannerType;
  values?: ReadonlyArray<{ name: string }>;
}
interface PlannerDirectiveApplication {
  arguments(): { if?: unknown };
}
interface PlannerElement {
  name: string;
  responseName?(): string;
  definition?: { type: PlannerType; isSchemaIntrospectionField(): boolean };
  typeCondition?: PlannerType;
  appliedDirectivesOf(definition: unknown): PlannerDirectiveApplication[];
}
interface PlannerSelection {
  kind: 'FieldSelection' | 'FragmentSelection';
  element: PlannerElement;
  selectionSet?: PlannerSelectionSet;
}
interface PlannerSelectionSet {
  selections(): PlannerSelection[];
}
interface PlannerSchema {
  type(name: string): PlannerType | undefined;
  skipDirective(): unknown;
  includeDirective(): unknown;
  schemaDefinition: { rootType(kind: string): PlannerType | undefined };
}
interface PlannerOperation {
  rootKind: string;
  selectionSet: PlannerSelectionSet;
  schema(): PlannerSchema;
  collectDefaultedVariableValues(): Variables;
}
interface PlannerInternals {
  isSubtype(type: PlannerType, maybeSubType: PlannerType): boolean;
  isCustomScalarType(type: PlannerType): boolean;
  Variable: new (...args: never[]) => { name: string };
}
type ComputeResponse = ((args: { operation: PlannerOperation; variables?: Variables; input: Json | null | undefined; introspectionHandling: unknown }) => {
  data: unknown;
  errors: unknown[];
}) & { compiled?: true };
type ShapingModule = { computeResponse: ComputeResponse };

/** The answer cannot be shaped without an error: the gateway's own walk takes it from the start. */
const GIVE_UP: unique symbol = Symbol('give up');
type GiveUp = typeof GIVE_UP;

/** Writes one selection's part of an object; false gives up. `parent` is the runtime parent type's name. */
type Step = (input: Json, output: Json, parent: string, variables: Variables) => boolean;
/** Shapes one value of a field's type (`output` is what earlier selections of the same response name left). */
type Value = (output: unknown, input: unknown, variables: Variables) => unknown;
/** Per type name: whether it is an object type, a composite type; undefined for a name the schema lacks. */
type KindOf = (name: string) => { object: boolean; composite: boolean } | undefined;

/** An operation this file leaves to the gateway. */
class Unsupported extends Error {}

const OBJECT_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const COMPOSITE_KINDS = new Set(['ObjectType', 'InterfaceType', 'UnionType']);

/** Compiles one operation's walk; throws Unsupported for what it leaves to the gateway. */
export function compileShaping(operation: PlannerOperation, internals: PlannerInternals): (input: Json, variables: Variables | undefined) => Json | GiveUp {
  const schema = operation.schema();
  const skip = schema.skipDirective();
  const include = schema.includeDirective();
  const defaulted = operation.collectDefaultedVariableValues();
  let usesVariables = false;
  /**
   * Per type name: whether it is an object type, a composite type; undefined when the schema has
   * no such type. Only the schema's own names are kept, so answers naming others cannot grow it.
   */
  const kinds = new Map<string, { object: boolean; composite: boolean }>();
  const kindOf = (name: string) => {
    let kind = kinds.get(name);
    if (kind === undefined) {
      const type = schema.type(name);
      if (!type) return undefined;
      kinds.set(name, (kind = { object: type.kind === 'ObjectType', composite: COMPOSITE_KINDS.has(type.kind) }));
    }
    return kind;
  };

  /** A directive's `if` as a function of the variables, or a constant. */
  const condition = (application: PlannerDirectiveApplication | undefined): ((variables: Variables) => boolean) | boolean | undefined => {
    if (!application) return undefined;
    const value = application.arguments().if;
    if (!(value instanceof internals.Variable)) return value === true;
    usesVariables = true;
    const name = value.name;
    return (variables) => {
      const given = variables[name];
      if (typeof given !== 'boolean') throw new Unsupported(`@skip/@include variable ${name} is not a boolean`);
      return given;
    };
  };

  /** Whether a selection is skipped, as the gateway's `shouldSkip` decides it. */
  const skipper = (element: PlannerElement): ((variables: Variables) => boolean) | undefined => {
    const skipIf = condition(element.appliedDirectivesOf(skip)[0]);
    const includeIf = condition(element.appliedDirectivesOf(include)[0]);
    if (skipIf === undefined && includeIf === undefined) return undefined;
    const value = (c: ((variables: Variables) => boolean) | boolean | undefined, otherwise: boolean) => (v: Variables) =>
      c === undefined ? otherwise : typeof c === 'boolean' ? c : c(v);
    const skipped = value(skipIf, false);
    const included = value(includeIf, true);
    return (v) => skipped(v) || !included(v);
  };

  const selectionSet = (set: PlannerSelectionSet): Step => {
    const steps = set.selections().map(selection);
    if (steps.length === 1) return steps[0];
    return (input, output, parent, variables) => {
      for (let i = 0; i < steps.length; i++) if (!steps[i](input, output, parent, variables)) return false;
      return true;
    };
  };

  const selection = (sel: PlannerSelection): Step => {
    const step = sel.kind === 'FieldSelection' ? field(sel) : fragment(sel);
    const skipped = skipper(sel.element);
    if (!skipped) return step;
    return (input, output, parent, variables) => skipped(variables) || step(input, output, parent, variables);
  };

  const fragment = (sel: PlannerSelection): Step => {
    const inner = selectionSet(sel.selectionSet!);
    const condition = sel.element.typeCondition;
    const conditionName = condition?.name;
    const applies = new Map<string, boolean>();
    const appliesTo = (name: string): boolean => {
      let result = applies.get(name);
      if (result === undefined) {
        const type = schema.type(name);
        if (!type) return false;
        applies.set(name, (result = internals.isSubtype(condition!, type)));
      }
      return result;
    };
    return (input, output, parent, variables) => {
      const typename = input.__typename;
      // The gateway checks `__typename` for every fragment, with a type condition or not.
      if (typename && typeof typename !== 'string') return false;
      if (!condition) return inner(input, output, parent, variables);
      if (!appliesTo(typename ? (typename as string) : parent)) return true;
      return inner(input, output, conditionName!, variables);
    };
  };

  const field = (sel: PlannerSelection): Step => {
    const element = sel.element;
    const responseName = element.responseName!();
    // Output objects have Object's prototype: a response name found on it is left to the gateway.
    if (OBJECT_PROTOTYPE_NAMES.has(responseName)) throw new Unsupported(`response name ${responseName}`);
    if (element.definition!.isSchemaIntrospectionField()) throw new Unsupported('introspection field');
    if (element.name === '__typename') return typenameStep(responseName, kindOf);
    return fieldStep(responseName, valueOf(element.definition!.type, sel.selectionSet));
  };

  const valueOf = (type: PlannerType, set: PlannerSelectionSet | undefined): Value => {
    const hasSet = !!set;
    const settled = (output: unknown) => output === null || (output !== undefined && !hasSet);
    if (type.kind === 'NonNullType') {
      const inner = valueOf(type.ofType!, set);
      return (output, input, variables) => {
        if (settled(output)) return output;
        const updated = inner(output, input, variables);
        return updated === null ? GIVE_UP : updated;
      };
    }
    if (type.kind === 'ListType') {
      const item = valueOf(type.ofType!, set);
      return (output, input, variables) => {
        if (settled(output)) return output;
        if (input === null) return null;
        if (!Array.isArray(input) || (output !== undefined && (!Array.isArray(output) || output.length !== input.length))) return GIVE_UP;
        const before = output as unknown[] | undefined;
        const updated = new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          // A hole or `undefined` item is an assertion in the gateway's walk.
          if (input[i] === undefined) return GIVE_UP;
          const value = item(before ? before[i] : undefined, input[i], variables);
          if (value === GIVE_UP) return GIVE_UP;
          updated[i] = value;
        }
        return updated;
      };
    }
    if (COMPOSITE_KINDS.has(type.kind)) {
      if (!set) throw new Unsupported(`composite type ${type.name} without a selection`);
      const inner = selectionSet(set);
      const typeName = type.name;
      return (output, input, variables) => {
        if (settled(output)) return output;
        if (input === null) return null;
        // An array for an object: the gateway would read only its own properties; left to it.
        if (typeof input !== 'object' || Array.isArray(input) || (output !== undefined && typeof output !== 'object')) return GIVE_UP;
        const typename = (input as Json).__typename;
        if (typename !== undefined && typeof typename !== 'string') return GIVE_UP;
        if (typename && !kindOf(typename)?.composite) return GIVE_UP;
        const object = (output as Json | undefined) ?? {};
        return inner(input as Json, object, typename || typeName, variables) ? object : GIVE_UP;
      };
    }
    const valid = leafCheck(type, internals);
    return (output, input) => {
      if (settled(output)) return output;
      if (input === null) return null;
      if (output !== undefined) return GIVE_UP;
      return valid(input) ? input : GIVE_UP;
    };
  };

  const root = schema.schemaDefinition.rootType(operation.rootKind);
  if (!root) throw new Unsupported(`no ${operation.rootKind} type`);
  const walk = selectionSet(operation.selectionSet);
  const rootName = root.name;
  return (input, variables) => {
    const all = usesVariables ? { __proto__: null, ...defaulted, ...variables } : (defaulted as Variables);
    const data: Json = {};
    try {
      return walk(input, data, rootName, all) ? data : GIVE_UP;
    } catch (error) {
      if (error instanceof Unsupported) return GIVE_UP;
      throw error;
    }
  };
}

/** Whether a leaf value is valid for its type, as the gateway's `isValidLeafValue` decides it. */
function leafCheck(type: PlannerType, internals: PlannerInternals): (value: unknown) => boolean {
  if (internals.isCustomScalarType(type)) return () => true;
  if (type.kind === 'EnumType') {
    const values = new Set((type.values ?? []).map((v) => v.name));
    return (value) => typeof value === 'string' && values.has(value);
  }
  const integer = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
  switch (type.name) {
    case 'Boolean':
      return (value) => typeof value === 'boolean';
    case 'Int':
      return integer;
    case 'ID':
      return (value) => typeof value === 'string' || integer(value);
    case 'Float':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'String':
      return (value) => typeof value === 'string';
    default:
      throw new Unsupported(`leaf type ${type.kind} ${type.name}`);
  }
}

/**
 * A field's step with its response name written into the code. Read from one shared closure
 * (`input[responseName]`), every field of every operation went through the same property
 * access site, which V8 then handles as a generic (megamorphic) keyed access; generated per
 * response name, each access site sees its own name and few object shapes. The article page's
 * shaping went from 46–52 to 23–33 µs in process. Response names are GraphQL names
 * (`[_A-Za-z][_0-9A-Za-z]*`), written as JSON string literals. The generated functions are kept
 * per response name, shared by every operation; aliases are the client's to choose, so the
 * cache starts over past STEPS_KEPT names (steps already built keep working), and a name longer
 * than GENERATED_NAME_MAX keeps a plain closure (GraphQL puts no limit on a name's length: a
 * megabyte alias kept in the cache, four times over with the generated source, outlived its
 * operation). The cache's keys are copies, not slices of a client's query text.
 */
const STEPS_KEPT = 5_000;
const GENERATED_NAME_MAX = 64;
const fieldSteps = new Map<string, (shape: Value, giveUp: GiveUp) => Step>();
function fieldStep(responseName: string, shape: Value): Step {
  if (responseName.length > GENERATED_NAME_MAX) {
    return (input, output, _parent, variables) => {
      const updated = shape(output[responseName], input[responseName] ?? null, variables);
      if (updated === GIVE_UP) return false;
      output[responseName] = updated;
      return true;
    };
  }
  let build = fieldSteps.get(responseName);
  if (!build) {
    if (fieldSteps.size >= STEPS_KEPT) fieldSteps.clear();
    const key = JSON.stringify(responseName);
    build = new Function(
      'shape',
      'giveUp',
      `return function step(input, output, _parent, variables) {
        const updated = shape(output[${key}], input[${key}] ?? null, variables);
        if (updated === giveUp) return false;
        output[${key}] = updated;
        return true;
      };`,
    ) as (shape: Value, giveUp: GiveUp) => Step;
    fieldSteps.set(JSON.parse(key) as string, build);
  }
  return build(shape, GIVE_UP);
}

/** How many response names have a generated step kept (both kinds): at most STEPS_KEPT each. */
export function shapingStepsKept(): number {
  return fieldSteps.size + typenameSteps.size;
}

/** A `__typename` field's step (under any response name), generated the same way. */
const typenameSteps = new Map<string, (kindOf: KindOf) => Step>();
function typenameStep(responseName: string, kindOf: KindOf): Step {
  if (responseName.length > GENERATED_NAME_MAX) {
    return (input, output, parent) => {
      if (output[responseName] !== undefined) return true;
      // Longer than `__typename`: an alias, which falls back to the input's own `__typename`.
      const value = input[responseName] ?? input.__typename ?? null;
      const name = typeof value === 'string' && kindOf(value) ? value : parent;
      if (!kindOf(name)?.object) return false;
      output[responseName] = name;
      return true;
    };
  }
  let build = typenameSteps.get(responseName);
  if (!build) {
    if (typenameSteps.size >= STEPS_KEPT) typenameSteps.clear();
    const key = JSON.stringify(responseName);
    // An aliased `__typename` the input lacks falls back to the input's own `__typename`.
    const fallback = responseName === '__typename' ? '' : 'if (value === null) value = input.__typename ?? null;';
    build = new Function(
      'kindOf',
      `return function step(input, output, parent) {
        if (output[${key}] !== undefined) return true;
        let value = input[${key}] ?? null;
        ${fallback}
        const name = typeof value === 'string' && kindOf(value) ? value : parent;
        if (!kindOf(name)?.object) return false;
        output[${key}] = name;
        return true;
      };`,
    ) as (kindOf: KindOf) => Step;
    typenameSteps.set(JSON.parse(key) as string, build);
  }
  return build(kindOf);
}

/**
 * Wraps the gateway's `computeResponse` once per process with the compiled walk. Returns whether
 * the wrap is in place.
 */
export function compileGatewayShaping(): boolean {
  let shaping: ShapingModule;
  let internals: PlannerInternals;
  try {
    shaping = gatewayModule<ShapingModule>('@apollo/gateway/dist/resultShaping');
    internals = gatewayModule<PlannerInternals>('@apollo/federation-internals');
  } catch {
    return false;
  }
  const original = shaping.computeResponse;
  if (typeof original !== 'function' || typeof internals.isSubtype !== 'function' || typeof internals.Variable !== 'function') return false;
  if (original.compiled) return true;
  /** Per operation: `false` once seen, then its compiled walk, or `null` when left to the gateway. */
  const walks = new WeakMap<object, ReturnType<typeof compileShaping> | null | false>();
  const compiled: ComputeResponse = (args) => {
    const { operation, input, variables } = args;
    if (!input) return original(args);
    let walk = walks.get(operation);
    if (walk === undefined) {
      walks.set(operation, false);
      return original(args);
    }
    if (walk === false) {
      try {
        walk = compileShaping(operation, internals);
      } catch {
        // Unsupported, or anything else compiling throws (a stack overflow on a very deep
        // operation): the gateway shapes this operation's answers, and it is not tried again.
        walk = null;
      }
      walks.set(operation, walk);
    }
    if (!walk) return original(args);
    const data = walk(input, variables);
    return data === GIVE_UP ? original(args) : { data, errors: [] };
  };
  compiled.compiled = true;
  shaping.computeResponse = compiled;
  return true;
}
