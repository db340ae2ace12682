import { GraphQLError } from 'graphql';
import type { ClientClass } from './client-class';
import type { CostDecision } from './cost-rate-limiter';
import type { OperationLimits } from './limits-config';

/** Stable codes of the gateway's refusals (formatError lets them through to clients). */
export enum LimitErrorCode {
  TooManyTokens = 'TOO_MANY_TOKENS',
  TooDeep = 'QUERY_TOO_DEEP',
  TooManyAliases = 'TOO_MANY_ALIASES',
  TooManyDirectives = 'TOO_MANY_DIRECTIVES',
  TooManyRootFields = 'TOO_MANY_ROOT_FIELDS',
  TooComplex = 'QUERY_TOO_COMPLEX',
  RateLimited = 'RATE_LIMITED',
  NotPersisted = 'PERSISTED_QUERY_NOT_IN_LIST',
}

const LIMIT_CODES: Record<Exclude<keyof OperationLimits, 'cost'>, { code: LimitErrorCode; what: string }> = {
  tokens: { code: LimitErrorCode.TooManyTokens, what: 'tokens' },
  depth: { code: LimitErrorCode.TooDeep, what: 'levels of depth' },
  aliases: { code: LimitErrorCode.TooManyAliases, what: 'aliases' },
  directives: { code: LimitErrorCode.TooManyDirectives, what: 'directives' },
  rootFields: { code: LimitErrorCode.TooManyRootFields, what: 'root fields' },
};

/** HTTP 400: the operation as written can never pass for this client. */
export function limitExceeded(limit: keyof typeof LIMIT_CODES, found: number, maximum: number, cls: ClientClass): GraphQLError {
  const { code, what } = LIMIT_CODES[limit];
  return new GraphQLError(`Operation has ${found} ${what}; the limit for ${cls} clients is ${maximum}`, {
    extensions: { code, limit, found, maximum, http: { status: 400 } },
  });
}

export function tooComplex(cost: number, maximumCost: number, cls: ClientClass): GraphQLError {
  return new GraphQLError(`Operation cost ${cost} exceeds the maximum cost of ${maximumCost} for ${cls} clients`, {
    extensions: { code: LimitErrorCode.TooComplex, cost, maximumCost, http: { status: 400 } },
  });
}

export function notPersisted(): GraphQLError {
  return new GraphQLError('Only registered operations run here: send the id (sha256) of a persisted operation', {
    extensions: { code: LimitErrorCode.NotPersisted, http: { status: 400 } },
  });
}

/** HTTP 429; the plugin adds `Retry-After` and the `RateLimit-*` headers. */
export function rateLimited(rate: CostDecision, cost: number): GraphQLError {
  return new GraphQLError(`Rate limit of ${rate.limit} cost points per ${rate.windowSeconds} s reached; retry in ${rate.resetSeconds} s`, {
    extensions: { code: LimitErrorCode.RateLimited, retryAfterSeconds: rate.resetSeconds, cost, http: { status: 429 } },
  });
}
