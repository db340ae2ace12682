import type { ApolloGateway } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayExecutionResult,
} from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, Kind, isNonNullType, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { type CompiledOperations, type PreparedOperation } from './compiled-operations';
import { sameShape } from './shape-check';
import { failedFetchResponse, SubgraphTimeoutError } from './subgraph-failure';
import { withTimeout } from './subgraph-timeouts';

/** A subgraph served in this process: its schema, its compiled operations, its timeout. */
export type LocalSubgraph = { name: string; schema: GraphQLSchema; operations: CompiledOperations; timeoutMs: number };

type Direct = { subgraph: LocalSubgraph; operation: PreparedOperation; definition: OperationDefinitionNode };

/**
 * Apollo Gateway with a shortcut for queries whose plan is one fetch from one subgraph served in
 * this process (the home, rubric and article pages: everything on them comes from editorial).
 * The gateway would rewrite the client's query for the subgraph, execute it, then walk the
 * ~1,000 fields of the answer again to shape them into the client's (`computeResponse`, 13 %
 * of the home page's profile, and the garbage it leaves); here the client's own document runs
 * on the subgraph's schema, compiled once, and its answer is the client's.
 *
 * Decided once per operation (query hash and operation name), from the gateway's own plan,
 * seen through its `experimental_didResolveQueryPlan` hook on the operation's first request
 * (which the gateway runs as usual): the plan must be a single fetch, without `@requires`, to a
 * local subgraph; the operation a query without introspection whose every selected field,
 * type condition and variable has the same shape in the API schema and in the subgraph's
 * (shape-check.ts); and the document valid against the subgraph's schema. Errors come out as
 * the gateway makes them from a subgraph's (`serviceName` added, no locations), a timeout as
 * the in-process data source's. Everything else, and any operation that fails one test, goes
 * through the gateway.
 */
export class SingleFetchGateway implements GatewayInterface {
  private readonly decisions = new Map<string, Direct | null>();
  private apiSchema: GraphQLSchema | undefined;
  /** How many operations took each path (tests, and a quick look in a debugger). */
  readonly answered = { direct: 0, planned: 0 };

  constructor(
    private readonly gateway: ApolloGateway,
    private readonly locals: Map<string, LocalSubgraph>,
    private readonly max = 1000,
  ) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    return this.gateway.onSchemaLoadOrUpdate(callback);
  }

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const unsubscribe = this.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
      this.apiSchema = apiSchema;
      this.decisions.clear();
    });
    const loaded = await this.gateway.load(options);
    const planned = loaded.executor;
    if (!planned) {
      unsubscribe();
      return loaded;
    }
    return { executor: (requestContext) => this.execute(requestContext, planned) };
  }

  stop(): Promise<void> {
    return this.gateway.stop();
  }

  /** The gateway's `experimental_didResolveQueryPlan` hook: decides an operation's path once. */
  readonly didResolveQueryPlan = (options: { queryPlan: QueryPlan; requestContext: GatewayGraphQLRequestContext }): void => {
    const key = keyOf(options.requestContext);
    if (this.decisions.has(key)) return;
    if (this.decisions.size >= this.max) this.decisions.clear();
    this.decisions.set(key, this.decide(options.queryPlan, options.requestContext));
  };

  /** The API schema clients are answered from: the gateway's, once loaded, else the request's. */
  private api(requestContext: GatewayGraphQLRequestContext): GraphQLSchema {
    return this.apiSchema ?? requestContext.schema;
  }

  private decide(plan: QueryPlan, requestContext: GatewayGraphQLRequestContext): Direct | null {
    const node = plan.node;
    if (!node || node.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return null;
    const subgraph = this.locals.get(node.serviceName);
    const api = this.api(requestContext);
    const { document, operation: definition } = requestContext;
    if (!subgraph || !definition || !sameShape(api, subgraph.schema, document)) return null;
    const operation = subgraph.operations.getParsed(`client\n${keyOf(requestContext)}`, document, requestContext.operationName);
    return operation ? { subgraph, operation, definition } : null;
  }

  private async execute(requestContext: GatewayGraphQLRequestContext, planned: GatewayExecutor): Promise<GatewayExecutionResult> {
    const direct = this.decisions.get(keyOf(requestContext));
    if (!direct || requestContext.request.http?.headers.get('Apollo-Query-Plan-Experimental')) {
      this.answered.planned += 1;
      return planned(requestContext);
    }
    const { subgraph, operation, definition } = direct;
    const variables = requestContext.request.variables;
    // Variables the API schema refuses get the gateway's own errors.
    if (definition.variableDefinitions?.length) {
      const coerced = getVariableValues(this.api(requestContext), definition.variableDefinitions, variables ?? {}, { maxErrors: 1 });
      if (coerced.errors) {
        this.answered.planned += 1;
        return planned(requestContext);
      }
    }
    this.answered.direct += 1;
    const run = Promise.resolve(operation.run(variables, requestContext.context));
    let result: ExecutionResult;
    try {
      result = await withTimeout(run, subgraph.timeoutMs, () => new SubgraphTimeoutError(subgraph.name, subgraph.timeoutMs));
    } catch (error) {
      if (!(error instanceof SubgraphTimeoutError)) throw error;
      const failed = failedFetchResponse({ subgraph: subgraph.name, error, query: undefined, document: requestContext.document, variables });
      return { data: rootNulls(this.api(requestContext), definition), errors: (failed.errors ?? []).map((e) => fromSubgraph(e as GraphQLError, subgraph.name)) };
    }
    if (!result.errors?.length) return result;
    return { ...result, errors: result.errors.map((e) => fromSubgraph(e, subgraph.name)) };
  }
}

function keyOf(requestContext: GatewayGraphQLRequestContext): string {
  const name = requestContext.request.operationName;
  return name ? `${requestContext.queryHash}\n${name}` : requestContext.queryHash;
}

/**
 * A subgraph's error as the gateway passes it on: same message, path and extensions, plus the
 * subgraph's name; without a code of its own, DOWNSTREAM_SERVICE_ERROR.
 */
function fromSubgraph(error: GraphQLError | { message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }, serviceName: string): GraphQLError {
  const extensions = error.extensions ?? {};
  return new GraphQLError(error.message || `Error while fetching subquery from service "${serviceName}"`, {
    originalError: error instanceof Error ? error : undefined,
    path: error.path,
    extensions: { ...extensions, serviceName, ...(extensions.code ? {} : { code: 'DOWNSTREAM_SERVICE_ERROR' }) },
  });
}

/** The data of a query whose only fetch failed: its nullable root fields null, or none at all. */
function rootNulls(api: GraphQLSchema, definition: OperationDefinitionNode): Record<string, null> | null {
  const fields = api.getQueryType()?.getFields() ?? {};
  const data: Record<string, null> = {};
  for (const selection of definition.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === '__typename') continue;
    const field = fields[selection.name.value];
    if (!field || isNonNullType(field.type)) return null;
    data[selection.alias?.value ?? selection.name.value] = null;
  }
  return data;
}
