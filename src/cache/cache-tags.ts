import {
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ContentEvent } from '../events/content-events';

/**
 * Cache tags (a `Surrogate-Key` header) name what a public answer contains, so an edge cache
 * (Varnish, Fastly) can drop exactly the answers an event makes stale, as WPGraphQL Smart Cache
 * does. Three kinds of tags:
 * - `Article:12`: that article (or rubric, author …) appears in the answer, with its id;
 * - `Article`: an article appears whose id the client did not select (any article event);
 * - `list:Article`: a list of articles appears (a new or removed article may change it).
 * `HomePage` tags the home page. The tags are conservative: an answer carries every tag whose
 * event could change it.
 */
const TAGGED_TYPES = new Set(['Article', 'Rubric', 'Author', 'Tag', 'MagazineIssue', 'Media', 'HomePage']);

/** The tags whose answers an event makes stale. */
export function tagsToPurge(event: ContentEvent): string[] {
  switch (event.type) {
    case 'article.created':
    case 'article.updated':
    case 'article.published':
    case 'article.unpublished':
    case 'article.trashed':
    case 'article.restored':
    case 'article.deleted':
      return [`Article:${event.articleId}`, 'Article', 'list:Article', 'HomePage'];
    case 'rubric.changed':
      return [`Rubric:${event.rubricId}`, 'Rubric', 'list:Rubric', 'list:Article', 'HomePage'];
    case 'frontpage.changed':
      return ['HomePage'];
    case 'comment.approved':
    case 'comment.removed':
    case 'comment.thread.changed':
      // Comment counts on cards in lists may lag until their max-age (30 s): purging every list
      // on every comment would empty the edge all day on a busy site.
      return [`Article:${event.articleId}`];
    default:
      return [];
  }
}

type FieldPlan = { key: string; type: GraphQLOutputType; selection?: SelectionSetNode };

/**
 * The tags of one answer: the operation's selections walked together with the data, the schema
 * telling which objects are articles, rubrics … Fragments are followed; on abstract types
 * without `__typename`, every possible member's fragments apply (more tags, never fewer).
 */
export function cacheTagsOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, data: unknown): string[] {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const query = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !query || !data || typeof data !== 'object') return [];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const tags = new Set<string>();

  const fieldsOf = (typeName: string, selection: SelectionSetNode, seen = new Set<string>()): FieldPlan[] => {
    const parent = schema.getType(typeName);
    const plans: FieldPlan[] = [];
    for (const node of selection.selections) {
      if (node.kind === Kind.FIELD) {
        if (!isObjectType(parent)) continue;
        const field = parent.getFields()[node.name.value];
        if (field) plans.push({ key: node.alias?.value ?? node.name.value, type: field.type, selection: node.selectionSet });
      } else {
        const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : fragments.get(node.name.value);
        if (!fragment || (node.kind === Kind.FRAGMENT_SPREAD && seen.has(node.name.value))) continue;
        if (node.kind === Kind.FRAGMENT_SPREAD) seen.add(node.name.value);
        const condition = fragment.typeCondition?.name.value;
        if (condition && condition !== typeName && !possibleTypes(schema, condition).includes(typeName)) continue;
        plans.push(...fieldsOf(typeName, fragment.selectionSet, seen));
      }
    }
    return plans;
  };

  const walk = (value: unknown, type: GraphQLOutputType, selection: SelectionSetNode | undefined, inList: boolean): void => {
    if (value === null || value === undefined || !selection) return;
    if (isNonNullType(type)) return walk(value, type.ofType, selection, inList);
    if (isListType(type)) {
      if (!Array.isArray(value)) return;
      const named = getNamedType(type);
      for (const name of concreteNames(schema, named)) if (TAGGED_TYPES.has(name)) tags.add(`list:${name}`);
      for (const item of value) walk(item, type.ofType, selection, true);
      return;
    }
    const named = getNamedType(type);
    if (typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const typename = typeof object.__typename === 'string' ? [object.__typename] : concreteNames(schema, named);
    for (const name of typename) {
      const plans = fieldsOf(name, selection);
      if (TAGGED_TYPES.has(name)) {
        const idPlan = plans.find((p) => p.selection === undefined && getNamedType(p.type).name === 'ID' && object[p.key] !== undefined && p.key === 'id');
        tags.add(idPlan && object.id !== null ? `${name}:${String(object.id)}` : name);
        // A connection's `nodes`/`edges` are lists; a list of cards inside an object is a list too.
        if (inList) tags.add(`list:${name}`);
      }
      for (const plan of plans) {
        if (plan.selection) walk(object[plan.key], plan.type, plan.selection, false);
      }
    }
  };

  walk(data, query, operation.selectionSet, false);
  return [...tags].sort();
}

function possibleTypes(schema: GraphQLSchema, name: string): string[] {
  const type = schema.getType(name);
  return type && isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [];
}

function concreteNames(schema: GraphQLSchema, type: GraphQLNamedType): string[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
}
