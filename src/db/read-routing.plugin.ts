import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context/request-context';
import type { ReadRouting } from './read-routing';

/** Who wrote, for read-your-own-writes: the signed-in user or service, else the client address. */
function writerKey(ctx: RequestContext): string {
  if (ctx.viewer?.kind === 'user') return `user:${ctx.viewer.userId}`;
  if (ctx.viewer?.kind === 'service') return `service:${ctx.viewer.serviceTokenId}`;
  return `ip:${ctx.ip}`;
}

/**
 * Pins mutations, and the requests of a client that has just written, to the primary database.
 * Works with the server running every request inside `ReadRouting.run`.
 */
export function readRoutingPlugin(routing: ReadRouting): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (routing.wroteRecently(writerKey(contextValue))) routing.pinToPrimary();
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          routing.pinToPrimary();
          routing.rememberWriter(writerKey(contextValue));
        },
      };
    },
  };
}
