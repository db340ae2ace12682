import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** A field's shape: its type and its arguments' names, types and defaults. */
function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((a) => `${a.name}:${String(a.type)}=${JSON.stringify(a.defaultValue)}`).join(',');
  return `(${args}):${String(field.type)}`;
}

/** Whether an input type (and every input type it contains) reads the same in both schemas. */
function sameInput(api: GraphQLSchema, sub: GraphQLSchema, type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (seen.has(named.name)) return true;
  seen.add(named.name);
  const other = sub.getType(named.name);
  if (!other || other.constructor !== named.constructor) return false;
  if (isEnumType(named) && isEnumType(other)) return sameEnum(named.getValues(), other.getValues());
  if (isInputObjectType(named) && isInputObjectType(other)) {
    const mine = named.getFields();
    const theirs = other.getFields();
    if (Object.keys(mine).join() !== Object.keys(theirs).join()) return false;
    return Object.values(mine).every((f) => {
      const t = theirs[f.name];
      return String(f.type) === String(t.type) && JSON.stringify(f.defaultValue) === JSON.stringify(t.defaultValue) && sameInput(api, sub, f.type, seen);
    });
  }
  return true;
}

function sameEnum(a: ReadonlyArray<{ name: string }>, b: ReadonlyArray<{ name: string }>): boolean {
  return a.map((v) => v.name).join() === b.map((v) => v.name).join();
}

function sameOutputKind(a: GraphQLNamedType, b: GraphQLNamedType | undefined | null): boolean {
  if (!b) return false;
  if (isObjectType(a)) return isObjectType(b);
  if (isInterfaceType(a)) return isInterfaceType(b);
  if (isUnionType(a)) return isUnionType(b);
  if (isEnumType(a)) return isEnumType(b) && sameEnum(a.getValues(), b.getValues());
  return a.constructor === b.constructor;
}

/**
 * Whether executing `document` on a subgraph's schema answers exactly what the gateway would
 * answer from the API schema: one query operation, no introspection, and every field it
 * selects, every type condition and every variable has the same shape in both schemas (type
 * with its nullability, arguments with defaults, enum values, input fields). Null propagation,
 * aliases, `__typename` and @skip/@include then come out the same from graphql execution on
 * either schema. Any doubt answers false, and the gateway runs the operation as usual.
 */
export function sameShape(api: GraphQLSchema, sub: GraphQLSchema, document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query') return false;
  const seenInputs = new Set<string>();
  for (const v of operations[0].variableDefinitions ?? []) {
    const type = typeFromAST(api, v.type) as GraphQLInputType | undefined;
    if (!type || !sameInput(api, sub, type, seenInputs)) return false;
  }
  const typeInfo = new TypeInfo(api);
  let same = true;
  const fail = () => {
    same = false;
    return BREAK;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (name === '__typename') return undefined;
        if (name.startsWith('__')) return fail();
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return fail();
        const other = sub.getType(parent.name);
        if (!sameOutputKind(parent, other) || isUnionType(other)) return fail();
        const theirs = (other as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
        if (!theirs || signature(field) !== signature(theirs)) return fail();
        const named = getNamedType(field.type);
        if (!sameOutputKind(named, sub.getType(named.name))) return fail();
        for (const arg of field.args) if (!sameInput(api, sub, arg.type, seenInputs)) return fail();
        return undefined;
      },
      InlineFragment(node) {
        const on = node.typeCondition && api.getType(node.typeCondition.name.value);
        if (on && !sameOutputKind(on, sub.getType(on.name))) return fail();
        return undefined;
      },
      FragmentDefinition(node) {
        const on = api.getType(node.typeCondition.name.value);
        if (!on || !sameOutputKind(on, sub.getType(on.name))) return fail();
        return undefined;
      },
    }),
  );
  return same;
}
