import { readPatternSetting, readSetting } from '../config/settings';

/** Long enough for a cold cache and a slow page of SQL, short enough that a hung subgraph is not a hung site. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 3000;

/**
 * How long one call to a subgraph may take: `SUBGRAPH_<NAME>_TIMEOUT_MS`, else
 * `SUBGRAPH_TIMEOUT_MS`, else 3 s. It bounds a single fetch of a query plan (the gateway to
 * a subgraph) or a subgraph-to-subgraph lookup, not the whole client request.
 */
export function subgraphTimeoutMs(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const own = readPatternSetting('SUBGRAPH_<NAME>_TIMEOUT_MS', `SUBGRAPH_${name.toUpperCase()}_TIMEOUT_MS`, env);
  return typeof own === 'number' ? own : (readSetting('SUBGRAPH_TIMEOUT_MS', env) ?? DEFAULT_SUBGRAPH_TIMEOUT_MS);
}

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms`. For work that cannot be
 * aborted (graphql-js `execute` in this process): the caller stops waiting, the work runs
 * to its end and its result is dropped.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
