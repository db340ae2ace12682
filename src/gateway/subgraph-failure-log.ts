import type { LogThrottle, ThrottledLog } from '../errors/log-throttle';
import { isTimeout, SubgraphFailureCode } from './subgraph-failure';

/** Where a gateway writes the subgraph calls that failed, through the process's throttle. */
export type SubgraphFailureLog = { log: ThrottledLog; throttle: LogThrottle };

/**
 * One warning per failed subgraph call, the request id with it; while a subgraph is down every
 * request fails the same way, so identical failures (subgraph, code, message) are throttled.
 */
export function logSubgraphFailure(target: SubgraphFailureLog | undefined, subgraph: string, requestId: string | undefined, error: unknown): void {
  if (!target) return;
  const code = isTimeout(error) ? SubgraphFailureCode.Timeout : SubgraphFailureCode.Unavailable;
  const reason = (error as Error | null)?.message ?? String(error);
  target.throttle.warn(target.log, `subgraph|${subgraph}|${code}|${reason}`, { subgraph, code, reason, requestId }, 'subgraph call failed');
}
