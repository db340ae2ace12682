import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * A document whose operation cannot be chosen (several operations and no `operationName`, or
 * a name that is not in it) is the client's mistake: 400 OPERATION_RESOLUTION_FAILURE. Apollo
 * Server leaves it to execution, where graphql-js reports it, but Apollo Gateway throws, and
 * Apollo answers that with a 500 and a stack trace in the log.
 */
export function requireResolvedOperationPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}"`
            : count > 1
              ? 'Must provide operationName when the document contains several operations'
              : 'The document contains no operation';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
