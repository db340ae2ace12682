import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The codes a client sees for the fields of a subgraph that could not answer. */
export enum SubgraphFailureCode {
  /** Refused the connection, reset it, answered HTTP 5xx or something that is not GraphQL. */
  Unavailable = 'SUBGRAPH_UNAVAILABLE',
  /** Did not answer within its timeout (SUBGRAPH_TIMEOUT_MS). */
  Timeout = 'SUBGRAPH_TIMEOUT',
}

/** Thrown by a data source's transport when a call exceeds its timeout. */
export class SubgraphTimeoutError extends Error {
  constructor(
    readonly subgraph: string,
    readonly timeoutMs: number,
  ) {
    super(`The ${subgraph} service did not answer within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

/** Whether a transport failure is a timeout: ours, or the AbortSignal.timeout that fetch rejects with. */
export function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return err instanceof SubgraphTimeoutError || name === 'TimeoutError';
}

/**
 * The answer a data source gives the gateway in place of a subgraph that failed: no data, and
 * one error per field the fetch asked for, with the path the gateway turns into the client's
 * path. Without these paths the gateway reports one pathless error (a thrown fetch) and the
 * client cannot tell which fields are missing; with a code of our own it is not an anonymous
 * INTERNAL_SERVER_ERROR either.
 *
 * Paths follow the gateway's convention for subgraph errors: `["_entities", i, field]` for an
 * entity fetch (it maps `i` to the entity's place in the response), `[field]` for a root fetch.
 */
export function failedFetchResponse(options: {
  subgraph: string;
  error: unknown;
  query: string | undefined;
  document?: DocumentNode;
  variables?: Record<string, unknown>;
}): GatewayGraphQLResponse {
  const timeout = isTimeout(options.error);
  const code = timeout ? SubgraphFailureCode.Timeout : SubgraphFailureCode.Unavailable;
  const message =
    options.error instanceof SubgraphTimeoutError
      ? options.error.message
      : timeout
        ? `The ${options.subgraph} service did not answer in time`
        : `The ${options.subgraph} service is unavailable`;
  const extensions = { code, subgraph: options.subgraph };
  const paths = requestedPaths(options.document ?? safeParse(options.query), options.variables ?? {});
  const errors = paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }];
  return { errors } as GatewayGraphQLResponse;
}

function safeParse(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

/** The paths of the fields a subgraph operation asks for, as the gateway expects them in subgraph errors. */
export function requestedPaths(document: DocumentNode | undefined, variables: Record<string, unknown>): Array<Array<string | number>> {
  if (!document) return [];
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const roots = fieldsOf(operation.selectionSet, null, fragments);
  const entities = roots.find((f) => f.name === '_entities');
  const representations = variables.representations;
  if (roots.length === 1 && entities?.selectionSet && Array.isArray(representations)) {
    return representations.flatMap((rep, i) => {
      const typename = (rep as { __typename?: string } | null)?.__typename ?? null;
      return fieldsOf(entities.selectionSet!, typename, fragments).map((f) => ['_entities', i, f.responseName]);
    });
  }
  return roots.map((f) => [f.responseName]);
}

type RequestedField = { name: string; responseName: string; selectionSet?: SelectionSetNode };

/** Fields selected at one level for an object of `typename` (null: any), fragments expanded, `__typename` left out. */
function fieldsOf(set: SelectionSetNode, typename: string | null, fragments: Map<string, FragmentDefinitionNode>): RequestedField[] {
  const seen = new Map<string, RequestedField>();
  const visit = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === '__typename') continue;
        const responseName = sel.alias?.value ?? sel.name.value;
        if (!seen.has(responseName)) seen.set(responseName, { name: sel.name.value, responseName, selectionSet: sel.selectionSet });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition?.name.value;
        if (!on || typename === null || on === typename) visit(sel.selectionSet);
      } else {
        const fragment = fragments.get(sel.name.value);
        const on = fragment?.typeCondition.name.value;
        if (fragment && (typename === null || on === typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(set);
  return [...seen.values()];
}
