import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { signSubgraphCall, type SignedCall } from '../src/federation/subgraph-signature';
import { requestIdFrom } from '../src/server/request-id';

/** What Hive Gateway's context holds of the client's request on Node's http server. */
type ClientContext = { request?: Request; req?: IncomingMessage };

/**
 * Makes Hive Gateway call our subgraphs as our gateway does (ForwardingDataSource): every
 * subgraph request signed with the fleet's key over its operation, variables, the client's
 * address and the request id. One request id per client request, taken from a sane
 * `x-request-id` or made fresh, and echoed in the response like our host does: run Hive with
 * `requestId: false` so its own id does not replace the signed one on the subgraph call.
 * Credentials travel apart (`propagateHeaders`, see hive-gateway-server.ts), because Hive
 * shares one subgraph call between identical queries in flight only when their propagated
 * headers match too; the signature is made here, after that choice, so a shared call carries
 * the address and request id of the client request that led it.
 */
export function subgraphSigningPlugin(key: Buffer): GatewayPlugin {
  const requestIds = new WeakMap<Request, string>();
  const identityOf = (context: ClientContext) => ({
    clientIp: context.req?.socket.remoteAddress ?? '',
    requestId: (context.request && requestIds.get(context.request)) ?? randomUUID(),
  });
  return {
    onRequest({ request }) {
      requestIds.set(request, requestIdFrom(request.headers.get('x-request-id') ?? undefined));
    },
    onResponse({ request, response }) {
      const requestId = requestIds.get(request);
      if (requestId) response.headers.set('x-request-id', requestId);
    },
    onFetch({ options, setOptions, context }) {
      if (typeof options.body !== 'string') return;
      // The body Hive built is what the subgraph verifies against; reading it back is one
      // JSON.parse per subgraph call (a few kB for a page's fetch).
      const call = JSON.parse(options.body) as SignedCall;
      const client = 'request' in context ? (context as ClientContext) : null;
      const identity = client ? identityOf(client) : { clientIp: '', requestId: randomUUID() };
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined), ...signSubgraphCall(key, identity, call) };
      setOptions({ ...options, headers });
    },
  };
}
