import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions } from 'graphql';
import Redis from 'ioredis';
import type { RequestContext } from '../context/request-context';
import { loadPersistedManifest, type PersistedManifest } from '../persisted/persisted-manifest';
import { persistedQueryCache } from '../persisted/persisted-query-cache';
import { CLIENT_CLASSES } from './client-class';
import { CostRateLimiter } from './cost-rate-limiter';
import { readLimitsConfig, type GatewayLimitsConfig } from './limits-config';
import { DEFAULT_COST_MODEL, listCostEstimator } from './operation-cost';
import { operationGuardPlugin } from './operation-guard.plugin';

/**
 * What the gateway's ApolloServer needs from the limits, spread into its constructor: plugins
 * alone cannot do it, because the token ceiling must reach the parser (`parseOptions`) and
 * persisted queries are a constructor option.
 */
export type GatewayOperationGuards = {
  plugins: ApolloServerPlugin<RequestContext>[];
  parseOptions: ParseOptions;
  persistedQueries: { cache: ReturnType<typeof persistedQueryCache> } | false;
};

/**
 * Builds the gateway's operation limits, cost, rate limits and persisted operations from
 * configuration (`readLimitsConfig()` reads the environment). Owns the Redis connection it
 * opens for shared rate-limit counters and closes it when the server stops.
 */
export function gatewayOperationGuards(
  config: GatewayLimitsConfig = readLimitsConfig(),
  deps: { redis?: Redis; manifest?: PersistedManifest; rateKeyPrefix?: string } = {},
): GatewayOperationGuards {
  const parseTokenLimit = Math.max(...CLIENT_CLASSES.map((cls) => config.limits[cls].tokens));
  const ownRedis = !deps.redis && config.rate && config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  const redis = deps.redis ?? ownRedis;
  const manifest =
    config.persisted.mode === 'only' ? (deps.manifest ?? loadPersistedManifest(config.persisted.manifestPath!)) : undefined;
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    operationGuardPlugin({
      limits: config.limits,
      estimator: listCostEstimator({ ...DEFAULT_COST_MODEL, defaultListSize: config.defaultListSize }),
      parseTokenLimit,
      rateLimiter: config.rate ? new CostRateLimiter(config.rate, redis, deps.rateKeyPrefix) : undefined,
      trusted: manifest ? { manifest, freeOperations: new Set(config.persisted.freeOperations) } : undefined,
      hideSuggestions: config.hideSuggestions,
    }),
  ];
  if (ownRedis) {
    plugins.push({
      async serverWillStart() {
        return {
          async serverWillStop() {
            await ownRedis.quit().catch(() => ownRedis.disconnect());
          },
        };
      },
    });
  }
  return {
    plugins,
    // graphql-js stops parsing past this many tokens: 20,000 aliases never reach validation or the query planner.
    parseOptions: { maxTokens: parseTokenLimit },
    persistedQueries: config.persisted.mode === 'off' ? false : { cache: persistedQueryCache({ maxBytes: config.persisted.apqCacheBytes, manifest }) },
  };
}
