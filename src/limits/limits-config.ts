import { readPatternSetting, readSetting } from '../config/settings';
import { CLIENT_CLASSES, type ClientClass } from './client-class';

/** Ceilings on one operation, for one client class. */
export type OperationLimits = {
  /** Lexical tokens of the document (graphql-js counts them while parsing). */
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  rootFields: number;
  /** Cost from the API schema (see operation-cost.ts). */
  cost: number;
};

/** A budget of cost points per client per window; each operation spends its cost. */
export type RateBudget = { points: number; seconds: number };

export type PersistedMode = 'apq' | 'only' | 'off';

export type GatewayLimitsConfig = {
  limits: Record<ClientClass, OperationLimits>;
  /** Null when RATE_LIMIT=off. */
  rate: Record<ClientClass, RateBudget> | null;
  /** Shared counters across gateway processes; in memory when absent. */
  redisUrl?: string;
  /** Size assumed for lists that no `first`/`limit` sizes. */
  defaultListSize: number;
  /** "Did you mean …" reveals the schema field by field: off in production. */
  hideSuggestions: boolean;
  persisted: {
    mode: PersistedMode;
    manifestPath?: string;
    /** Bound of the automatic-persisted-query cache, in bytes of stored documents. */
    apqCacheBytes: number;
    /** Classes that may still send operations not in the manifest when mode is `only`. */
    freeOperations: ClientClass[];
  };
};

/**
 * Defaults: the front end's pages cost at most a fifth of the anonymous ceiling (home page
 * 5,483 of 30,000; article page 1,129; rubric page with 30 cards 1,288; search 821), the
 * editors' heaviest screen (dashboard, 933) a hundredth of the staff one. 30,000 still lets
 * a client read three levels of comments at their default page size of 20 (24,842).
 */
export const DEFAULT_LIMITS: Record<ClientClass, OperationLimits> = {
  anonymous: { tokens: 2_000, depth: 10, aliases: 20, directives: 20, rootFields: 10, cost: 30_000 },
  reader: { tokens: 3_000, depth: 10, aliases: 30, directives: 30, rootFields: 10, cost: 40_000 },
  staff: { tokens: 10_000, depth: 15, aliases: 100, directives: 100, rootFields: 30, cost: 150_000 },
  service: { tokens: 5_000, depth: 12, aliases: 50, directives: 50, rootFields: 20, cost: 300_000 },
};

/**
 * Cost points per minute: about 90 uncached home pages or 450 article pages a minute per
 * anonymous address (anonymous pages the response cache answers are not counted).
 */
export const DEFAULT_RATE: Record<ClientClass, RateBudget> = {
  anonymous: { points: 500_000, seconds: 60 },
  reader: { points: 500_000, seconds: 60 },
  staff: { points: 2_000_000, seconds: 60 },
  service: { points: 5_000_000, seconds: 60 },
};

const LIMIT_NAMES: Record<keyof OperationLimits, string> = {
  tokens: 'TOKENS',
  depth: 'DEPTH',
  aliases: 'ALIASES',
  directives: 'DIRECTIVES',
  rootFields: 'ROOT_FIELDS',
  cost: 'COST',
};

/** `RATE_LIMIT_<CLASS>=points/seconds`, e.g. `500000/60`, validated by its declaration in settings.ts. */
function envBudget(env: NodeJS.ProcessEnv, name: string, fallback: RateBudget): RateBudget {
  const raw = readPatternSetting('RATE_LIMIT_<CLASS>', name, env);
  if (typeof raw !== 'string') return fallback;
  const [points, seconds] = raw.split('/').map((part) => Number(part.trim()));
  return { points, seconds };
}

/**
 * Every limit from the environment (`LIMIT_<CLASS>_<NAME>`, `RATE_LIMIT_<CLASS>`, …), with the
 * defaults above; a malformed value stops the start rather than silently lifting a limit.
 */
export function readLimitsConfig(env: NodeJS.ProcessEnv = process.env): GatewayLimitsConfig {
  const limits = {} as Record<ClientClass, OperationLimits>;
  const rate = {} as Record<ClientClass, RateBudget>;
  for (const cls of CLIENT_CLASSES) {
    const own = {} as OperationLimits;
    for (const [key, name] of Object.entries(LIMIT_NAMES) as Array<[keyof OperationLimits, string]>) {
      const value = readPatternSetting('LIMIT_<CLASS>_<LIMIT>', `LIMIT_${cls.toUpperCase()}_${name}`, env);
      own[key] = typeof value === 'number' ? value : DEFAULT_LIMITS[cls][key];
    }
    limits[cls] = own;
    rate[cls] = envBudget(env, `RATE_LIMIT_${cls.toUpperCase()}`, DEFAULT_RATE[cls]);
  }
  const mode = readSetting('PERSISTED_OPERATIONS', env) ?? 'apq';
  if (mode === 'only' && !env.PERSISTED_OPERATIONS_MANIFEST) throw new Error('PERSISTED_OPERATIONS=only needs PERSISTED_OPERATIONS_MANIFEST');
  const free = (env.PERSISTED_OPERATIONS_FREE ?? 'staff,service').split(',').map((s) => s.trim()).filter(Boolean);
  for (const cls of free) if (!CLIENT_CLASSES.includes(cls as ClientClass)) throw new Error(`PERSISTED_OPERATIONS_FREE: unknown client class "${cls}"`);
  return {
    limits,
    rate: env.RATE_LIMIT === 'off' ? null : rate,
    redisUrl: env.REDIS_URL || undefined,
    defaultListSize: readSetting('COST_DEFAULT_LIST_SIZE', env) ?? 20,
    hideSuggestions: env.NODE_ENV === 'production',
    persisted: {
      mode,
      manifestPath: env.PERSISTED_OPERATIONS_MANIFEST || undefined,
      apqCacheBytes: readSetting('APQ_CACHE_BYTES', env) ?? 16 * 1024 * 1024,
      freeOperations: free as ClientClass[],
    },
  };
}
