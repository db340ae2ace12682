import fs from 'node:fs';
import path from 'node:path';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { InProcessDataSource } from './in-process-data-source';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/**
 * Forwards the reader's credentials, request id, address and user agent to a subgraph served
 * over HTTP (the audience subgraph tells robots from readers by their user agent).
 */
class ForwardingDataSource extends RemoteGraphQLDataSource<RequestContext> {
  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context) || !context.headers) return;
    if (context.headers.authorization) headers.set('authorization', context.headers.authorization);
    headers.set('x-request-id', context.requestId);
    if (context.ip) headers.set('x-forwarded-for', context.ip);
    if (context.headers['user-agent']) headers.set('user-agent', context.headers['user-agent']);
  }
}

/**
 * The gateway always plans from the committed supergraph. A subgraph whose schema is given
 * runs in this process; any other is called at its URL (`SUBGRAPH_<NAME>_URL` overrides the
 * URL written in the supergraph).
 */
export function createGateway(options: {
  localSchemas?: Record<string, GraphQLSchema>;
  urls?: Record<string, string>;
  supergraphSdl?: string;
}): ApolloGateway {
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const local = options.localSchemas?.[name];
      if (local) return new InProcessDataSource(local);
      const override = options.urls?.[name] ?? process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
      return new ForwardingDataSource({ url: override ?? url });
    },
  });
}
