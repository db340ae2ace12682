import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Names the operation on the request's server span (request-span.ts): `graphql.operation.name`
 * and `graphql.operation.type`, as OpenTelemetry's GraphQL conventions spell them; a response
 * with errors marks the span as failed, with the first error's code.
 */
export function tracingPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
