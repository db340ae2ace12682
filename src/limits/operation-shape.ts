import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorAcceptCallback } from '@escape.tech/graphql-armor-types';
import {
  Kind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** What an operation's text says about its size, whatever its variables. */
export type OperationShape = { tokens: number; depth: number; aliases: number; directives: number; rootFields: number };

type Counted = 'depth' | 'aliases' | 'directives';

/**
 * graphql-armor's depth, alias and directive rules, run with no ceiling so that they only count
 * (their `onAccept` reports the count). Their limits are static per server; ours depend on who
 * asks, so we measure once per document and compare per request.
 */
function countingRules(record: (document: DocumentNode, what: Counted, n: number) => void): ValidationRule[] {
  const onAccept = (what: Counted): GraphQLArmorAcceptCallback[] => [
    (ctx: ValidationContext | null, details: { n: number }) => {
      if (ctx) record(ctx.getDocument(), what, details.n);
    },
  ];
  const off = { enabled: false };
  return new ApolloArmor({
    blockFieldSuggestion: off,
    maxTokens: off,
    costLimit: off,
    // Fragments are a way of writing a selection, not extra depth.
    maxDepth: { n: Infinity, flattenFragments: true, onAccept: onAccept('depth') },
    maxAliases: { n: Infinity, onAccept: onAccept('aliases') },
    maxDirectives: { n: Infinity, onAccept: onAccept('directives') },
  }).protect().validationRules as ValidationRule[];
}

/** Root fields of every operation of the document, fragments expanded (the largest operation counts). */
function rootFieldCount(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + 1;
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return n;
      return n + count(fragment.selectionSet, new Set(seen).add(s.name.value));
    }, 0);
  return Math.max(0, ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? count(d.selectionSet, new Set()) : 0)));
}

/**
 * Measures documents once: Apollo hands every request of the same text the same parsed,
 * validated DocumentNode from its document store, so a WeakMap on it makes the measure free
 * for repeated operations and lets it go with the document.
 */
export class OperationShapes {
  private readonly shapes = new WeakMap<DocumentNode, OperationShape>();
  private readonly rules: ValidationRule[];
  private pending: Partial<Record<Counted, number>> = {};

  constructor() {
    this.rules = countingRules((_document, what, n) => {
      // Several operations in one document: the largest counts (a conservative bound).
      this.pending[what] = Math.max(this.pending[what] ?? 0, n);
    });
  }

  of(schema: GraphQLSchema, document: DocumentNode): OperationShape {
    let shape = this.shapes.get(document);
    if (!shape) {
      this.pending = {};
      validate(schema, document, this.rules);
      shape = {
        // graphql-js's parser records the tokens it read on the document.
        tokens: (document as DocumentNode & { tokenCount?: number }).tokenCount ?? 0,
        depth: this.pending.depth ?? 0,
        aliases: this.pending.aliases ?? 0,
        directives: this.pending.directives ?? 0,
        rootFields: rootFieldCount(document),
      };
      this.shapes.set(document, shape);
    }
    return shape;
  }
}
