import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { failedFetchResponse, SubgraphTimeoutError } from './subgraph-failure';
import { withTimeout } from './subgraph-timeouts';

/**
 * Runs a subgraph's part of a query plan in this process. Unlike the gateway's own
 * LocalGraphQLDataSource it parses and validates each distinct subgraph operation once: the
 * gateway sends the same few operation texts over and over, and validating them again on
 * every request cost more than executing them.
 *
 * With `timeoutMs`, a part that takes longer is answered as SUBGRAPH_TIMEOUT errors on its
 * fields, as for a subgraph over HTTP; graphql-js execution cannot be cancelled, so it runs
 * on and its result is dropped.
 */
export class InProcessDataSource implements GraphQLDataSource {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: { name?: string; timeoutMs?: number } = {},
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const query = request.query ?? '';
    let document = this.documents.get(query);
    if (!document) {
      try {
        document = parse(query);
      } catch (err) {
        return { errors: [{ message: (err as Error).message }] } as GatewayGraphQLResponse;
      }
      const errors = validate(this.schema, document);
      if (errors.length) return { errors: errors.map((e) => e.toJSON()) } as GatewayGraphQLResponse;
      if (this.documents.size >= 1000) this.documents.clear();
      this.documents.set(query, document);
    }
    const run = Promise.resolve(
      execute({
        schema: this.schema,
        document,
        variableValues: request.variables,
        operationName: request.operationName,
        contextValue: context,
      }),
    ) as Promise<GatewayGraphQLResponse>;
    const { name = 'in-process', timeoutMs } = this.options;
    if (!timeoutMs) return run;
    try {
      return await withTimeout(run, timeoutMs, () => new SubgraphTimeoutError(name, timeoutMs));
    } catch (error) {
      if (!(error instanceof SubgraphTimeoutError)) throw error;
      return failedFetchResponse({ subgraph: name, error, query, document, variables: request.variables ?? undefined });
    }
  }
}
