import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { CompiledOperations, isPrepared } from './compiled-operations';
import { failedFetchResponse, SubgraphTimeoutError } from './subgraph-failure';
import { withTimeout } from './subgraph-timeouts';

/**
 * Runs a subgraph's part of a query plan in this process. Unlike the gateway's own
 * LocalGraphQLDataSource it parses, validates and compiles each distinct subgraph operation
 * once (compiled-operations.ts).
 *
 * With `timeoutMs`, a part that takes longer is answered as SUBGRAPH_TIMEOUT errors on its
 * fields, as for a subgraph over HTTP; execution cannot be cancelled, so it runs on and its
 * result is dropped.
 */
export class InProcessDataSource implements GraphQLDataSource {
  private readonly operations: CompiledOperations;

  /** `source`: the subgraph's schema, or the compiled operations the gateway already keeps for it (one cache per subgraph). */
  constructor(
    source: GraphQLSchema | CompiledOperations,
    private readonly options: { name?: string; timeoutMs?: number; jit?: boolean } = {},
  ) {
    this.operations = source instanceof CompiledOperations ? source : new CompiledOperations(source, { jit: options.jit });
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const query = request.query ?? '';
    const operation = this.operations.get(query, request.operationName);
    if (!isPrepared(operation)) {
      return { errors: operation.errors!.map((e) => e.toJSON()) } as GatewayGraphQLResponse;
    }
    const run = Promise.resolve(operation.run(request.variables, context)) as Promise<GatewayGraphQLResponse>;
    const { name = 'in-process', timeoutMs } = this.options;
    if (!timeoutMs) return run;
    try {
      return await withTimeout(run, timeoutMs, () => new SubgraphTimeoutError(name, timeoutMs));
    } catch (error) {
      if (!(error instanceof SubgraphTimeoutError)) throw error;
      return failedFetchResponse({ subgraph: name, error, query, document: operation.document, variables: request.variables ?? undefined });
    }
  }
}
