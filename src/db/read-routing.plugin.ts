import type { ApolloServerPlugin } from '@apollo/server';
import { clientKey, type RequestContext } from '../context/request-context';
import type { ReadRouting } from './read-routing';

/**
 * Pins mutations, and the requests of a client that has just written, to the primary database.
 * Works with the server running every request inside `ReadRouting.run`.
 */
export function readRoutingPlugin(routing: ReadRouting): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (routing.wroteRecently(clientKey(contextValue))) routing.pinToPrimary();
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          routing.pinToPrimary();
          routing.rememberWriter(clientKey(contextValue));
        },
      };
    },
  };
}
