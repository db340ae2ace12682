import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Before a mutation's answer leaves, the outboxes it may have written to are relayed: the
 * client that changed something then reads a purged cache, wherever the purge had to travel.
 * Relaying never blocks the answer for long: it publishes what is committed and returns.
 */
export function outboxFlushPlugin<C extends object>(relayAll: () => Promise<void>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation !== 'mutation') return;
          // A relay that fails now retries on its own; the answer does not wait for that.
          await relayAll().catch(() => undefined);
        },
      };
    },
  };
}
