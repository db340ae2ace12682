import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Runs a subgraph's part of a query plan in this process. Unlike the gateway's own
 * LocalGraphQLDataSource it parses and validates each distinct subgraph operation once: the
 * gateway sends the same few operation texts over and over, and validating them again on
 * every request cost more than executing them.
 */
export class InProcessDataSource implements GraphQLDataSource {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly schema: GraphQLSchema) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
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
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
    return result as GatewayGraphQLResponse;
  }
}
