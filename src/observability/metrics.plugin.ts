import type { ApolloServerPlugin } from '@apollo/server';
import { LimitErrorCode } from '../limits/limit-errors';
import type { ProcessMetrics } from './process-metrics';

/** Distinct operation names kept as labels; past it, `(other)`: clients choose names, and each is a series. */
const MAX_OPERATION_NAMES = 200;
const REFUSAL_CODES = new Set<string>(Object.values(LimitErrorCode));

/**
 * Times every operation Apollo Server answers and counts it by operation name and outcome
 * (`ok`, or the code of its first error), and counts the gateway's refusals by code. An
 * operation that never resolved (a syntax or validation error) is `(invalid)`, one without a
 * name `(anonymous)`, so a client cannot mint label values without sending valid operations,
 * and never more than MAX_OPERATION_NAMES of them.
 */
export function metricsPlugin<C extends object>(metrics: ProcessMetrics): ApolloServerPlugin<C> {
  const names = new Set<string>();
  const label = (name: string): string => {
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return '(other)';
    names.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const stopTimer = metrics.requestDuration.startTimer();
      let operation = '(invalid)';
      return {
        async didResolveOperation(rc) {
          operation = rc.operationName ? label(rc.operationName) : '(anonymous)';
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : undefined;
          const labels = { operation, outcome: code ?? 'ok' };
          stopTimer(labels);
          metrics.requests.inc(labels);
          if (code && REFUSAL_CODES.has(code)) metrics.refusals.inc({ code });
        },
      };
    },
  };
}
