import { withTimeout } from '../gateway/subgraph-timeouts';
/** One dependency a process cannot serve without, and how to tell it answers (throws or times out when not). */
export type ReadinessCheck = { name: string; check: () => Promise<unknown> };

/**
 * The `ready` function of startGraphQLServer over a process's dependencies: every check runs at
 * once, each cut off after `timeoutMs`, and the answer names each one that failed ("broker
 * unreachable"), never the error text, which may name hosts a probe need not know.
 */
export function readinessOf(checks: ReadinessCheck[], timeoutMs = 2_000): () => Promise<true | string> {
  return async () => {
    const failed = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs, () => new Error('timeout'));
          return null;
        } catch {
          return `${name} unreachable`;
        }
      }),
    );
    const reasons = failed.filter((reason): reason is string => reason !== null);
    return reasons.length ? reasons.join(', ') : true;
  };
}

/** A subgraph served apart answers its liveness route (the origin of its GraphQL URL). */
export function subgraphReachable(name: string, graphqlUrl: string, timeoutMs = 1_000): ReadinessCheck {
  const livez = new URL('/livez', graphqlUrl).toString();
  return {
    name: `subgraph ${name}`,
    check: async () => {
      const response = await fetch(livez, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  };
}
