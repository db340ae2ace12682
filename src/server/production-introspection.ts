import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/**
 * Production hides the schema without breaking GraphQL-over-HTTP clients and conformance
 * checks, which probe with `{ __type(name: "…") { name } }`:
 * - `__schema` (the full dump every IDE and scanner asks for) is refused at validation;
 * - `__type` runs but its answer never leaves: the plugin below nulls it, so a type that
 *   exists answers exactly like one that does not, and nothing about the schema is learnt.
 * Hand-written because graphql-js's `NoSchemaIntrospectionCustomRule` (and Apollo's
 * `introspection: false`) refuse both fields alike.
 */
export const NoSchemaDumpRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema') {
      context.reportError(
        new GraphQLError('GraphQL introspection is not allowed here', { nodes: node, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      );
    }
  },
});

/** Response keys of root `__type` fields, through fragments and inline fragments on the root. */
function rootTypeLookups(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__type' ? [selection.alias?.value ?? '__type'] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootTypeLookups(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootTypeLookups(fragment.selectionSet, fragments, seen);
  });
}

export function hideTypeLookupsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      let keys: string[] = [];
      return {
        async didResolveOperation({ operation, document }) {
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          keys = operation?.operation === 'query' ? rootTypeLookups(operation.selectionSet, fragments) : [];
        },
        async willSendResponse({ response }) {
          if (!keys.length || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data as Record<string, unknown> | null | undefined;
          if (data) for (const key of keys) if (key in data) data[key] = null;
        },
      };
    },
  };
}
