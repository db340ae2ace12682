import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { randomUUID } from 'node:crypto';
import { context as traceContext, propagation } from '@opentelemetry/api';
import { accessTokenKey } from '../auth/token-keys';
import type { RequestContext } from '../context/request-context';
import { signSubgraphCall, subgraphSigningKey } from '../federation/subgraph-signature';
import { failedFetchResponse, isTimeout, SubgraphTimeoutError } from './subgraph-failure';
import { logSubgraphFailure, type SubgraphFailureLog } from './subgraph-failure-log';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Node's own fetch (undici) with a deadline per call. undici pools keep-alive connections per
 * origin by default, which is what the gateway's make-fetch-happen agent was there for, and
 * takes an AbortSignal that also covers reading the body: a subgraph that sends its headers
 * and then stalls is cut off too, not only one that never answers.
 */
export function timeoutFetcher(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

/**
 * A subgraph served over HTTP. Forwards the reader's credentials, request id, address and
 * user agent (the audience subgraph tells robots from readers by their user agent), gives up
 * after `timeoutMs`, and turns a failed call (refused, reset, timed out, HTTP 5xx, not JSON)
 * into errors on exactly the fields it was asked for, so the gateway answers the rest of the
 * page (see subgraph-failure.ts).
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<RequestContext> {
  private readonly signingKey = subgraphSigningKey(accessTokenKey());

  constructor(
    readonly subgraph: string,
    url: string,
    readonly timeoutMs: number,
    private readonly failures?: SubgraphFailureLog,
  ) {
    super({ url, fetcher: timeoutFetcher(timeoutMs) });
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    const client = 'requestId' in context ? context : null;
    // Signed: the subgraph runs only calls from a gateway, and believes the client's address
    // and request id because the signature covers them with the operation.
    const signed = signSubgraphCall(
      this.signingKey,
      { clientIp: client?.ip ?? '', requestId: client?.requestId ?? randomUUID() },
      { query: request.query ?? '', variables: request.variables, operationName: request.operationName },
    );
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
    // With tracing on, `traceparent` names the gateway's fetch span (gateway.fetch), which the
    // subgraph's server span takes as parent; off, no propagator is registered and nothing is
    // added. Outside the signature on purpose: it grants nothing (the subgraph follows it only
    // on a call whose signature verified), and trace context is the one part of a call that a
    // proxy or an HTTP instrumentation may legitimately rewrite on the way.
    propagation.inject(traceContext.active(), headers, { set: (carrier, name, value) => carrier.set(name, value) });
    if (!client?.headers) return;
    if (client.headers.authorization) headers.set('authorization', client.headers.authorization);
    if (client.headers['user-agent']) headers.set('user-agent', client.headers['user-agent']);
  }

  async process(options: GraphQLDataSourceProcessOptions<RequestContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables } = options.request;
    try {
      return await super.process(options);
    } catch (caught) {
      const error = isTimeout(caught) ? new SubgraphTimeoutError(this.subgraph, this.timeoutMs) : caught;
      logSubgraphFailure(this.failures, this.subgraph, 'requestId' in options.context ? options.context.requestId : undefined, error);
      return failedFetchResponse({
        subgraph: this.subgraph,
        error,
        query,
        document: 'document' in options ? options.document : undefined,
        variables: variables ?? undefined,
      });
    }
  }
}
