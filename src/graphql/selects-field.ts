import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields of a selection set, through inline fragments and fragment spreads, whatever their type condition. */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(info, s.selectionSet, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return fieldsOf(info, info.fragments[s.name.value]?.selectionSet, seen);
  });
}

/**
 * The field nodes selected at `path` below the field being resolved (by field name, aliases
 * aside): lets a field read in one statement what its descendants would read in more.
 */
function fieldsAt(info: GraphQLResolveInfo, path: string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = nodes.flatMap((n) => fieldsOf(info, n.selectionSet).filter((f) => f.name.value === name));
  return [...nodes];
}

/** Whether the field being resolved selects `name` directly. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/** Whether the field being resolved selects the path `path` (field names, through fragments). */
export function selectsPath(info: GraphQLResolveInfo, path: string[]): boolean {
  return fieldsAt(info, path).length > 0;
}
