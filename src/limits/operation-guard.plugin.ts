import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { RequestContext } from '../context/request-context';
import type { PersistedManifest } from '../persisted/persisted-manifest';
import { clientKey } from '../context/request-context';
import { clientClass, type ClientClass } from './client-class';
import type { CostRateLimiter, CostDecision } from './cost-rate-limiter';
import { LimitErrorCode, limitExceeded, notPersisted, rateLimited, tooComplex } from './limit-errors';
import type { OperationLimits } from './limits-config';
import { operationCost } from './operation-cost';
import { OperationShapes } from './operation-shape';

export type OperationGuardOptions = {
  limits: Record<ClientClass, OperationLimits>;
  estimator: ComplexityEstimator;
  /** The ceiling graphql-js's parser enforces before any other work (the largest class limit). */
  parseTokenLimit: number;
  rateLimiter?: CostRateLimiter;
  /** Trusted-documents mode: only these operations run, except for the `freeOperations` classes. */
  trusted?: { manifest: PersistedManifest; freeOperations: ReadonlySet<ClientClass> };
  hideSuggestions: boolean;
};

const SHAPE_LIMITS = ['tokens', 'depth', 'aliases', 'directives', 'rootFields'] as const;

/** graphql-js's message when `parse(…, { maxTokens })` gives up ("more that" is its spelling). */
const TOKEN_LIMIT_MESSAGE = /Document contains more th\w+ \d+ tokens/;

/**
 * Apollo's own suggestion plugin only scrubs validation errors and graphql-armor's only field
 * names; variable errors suggest enum values too ("Did you mean the enum value …?").
 */
const SUGGESTION = / ?Did you mean(.+?)\?/g;

/** Apollo's own APQ refusals (HTTP 400) that carry no code; clients get BAD_REQUEST. */
const UNCODED_APQ_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/**
 * One plugin, because its checks must run in order on one request (Apollo runs the
 * `didResolveOperation` hooks of different plugins concurrently): trusted documents, then the
 * shape limits and the cost for the viewer's class, then the rate-limit budget spent by that
 * cost. All of it happens after parsing and validation (cached per document by Apollo) and
 * before the gateway plans the query. Refusals are GraphQL errors with a stable code and an
 * HTTP status; accepted operations report `extensions.cost`.
 */
export function operationGuardPlugin(options: OperationGuardOptions): ApolloServerPlugin<RequestContext> {
  const shapes = new OperationShapes();
  // Cost of operations without variables, per document and operation name: the same for every request.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();

  function costOf(rc: GraphQLRequestContextDidResolveOperation<RequestContext>): number {
    const document = rc.document;
    const name = rc.operationName ?? '';
    const fixed = !rc.operation?.variableDefinitions?.length;
    const known = fixed ? fixedCosts.get(document)?.get(name) : undefined;
    if (known !== undefined) return known;
    let cost: number;
    try {
      cost = operationCost(rc.schema, document, rc.operationName ?? undefined, rc.request.variables, options.estimator);
    } catch (err) {
      // Variables that do not fit their types: the operation could not run either.
      throw new GraphQLError(err instanceof Error ? err.message : 'Invalid variables', {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    if (fixed) {
      const byName = fixedCosts.get(document) ?? new Map<string, number>();
      byName.set(name, cost);
      fixedCosts.set(document, byName);
    }
    return cost;
  }

  return {
    async requestDidStart({ contextValue: ctx }) {
      let rate: CostDecision | undefined;
      let cost: number | undefined;
      return {
        async didResolveOperation(rc) {
          // No operation to run (e.g. several operations and no operationName): Apollo refuses it next.
          if (!rc.operation) return;
          const cls = clientClass(ctx);
          if (options.trusted && !options.trusted.freeOperations.has(cls) && !options.trusted.manifest.has(rc.queryHash ?? '')) {
            throw notPersisted();
          }
          const limits = options.limits[cls];
          const shape = shapes.of(rc.schema, rc.document);
          for (const limit of SHAPE_LIMITS) {
            if (shape[limit] > limits[limit]) throw limitExceeded(limit, shape[limit], limits[limit], cls);
          }
          const spent = costOf(rc);
          if (spent > limits.cost) throw tooComplex(spent, limits.cost, cls);
          cost = spent;
          if (options.rateLimiter) {
            rate = await options.rateLimiter.spend(cls, clientKey(ctx), spent);
            if (!rate.allowed) throw rateLimited(rate, spent);
          }
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const extensions = error.extensions as Record<string, unknown>;
            if (extensions.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT_MESSAGE.test(error.message)) {
              // Apollo raises the parser's abort as a syntax error; clients get the limit's own code.
              extensions.code = LimitErrorCode.TooManyTokens;
              extensions.maximum = options.parseTokenLimit;
              error.message = `Operation has more than ${options.parseTokenLimit} tokens`;
            }
            if (extensions.code === undefined && UNCODED_APQ_ERRORS.has(error.message)) extensions.code = 'BAD_REQUEST';
            if (options.hideSuggestions) error.message = error.message.replace(SUGGESTION, '');
          }
        },
        async willSendResponse(rc) {
          const headers = rc.response.http.headers;
          if (rate) {
            headers.set('ratelimit-limit', String(rate.limit));
            headers.set('ratelimit-remaining', String(rate.remaining));
            headers.set('ratelimit-reset', String(rate.resetSeconds));
            headers.set('ratelimit-policy', `${rate.limit};w=${rate.windowSeconds}`);
            if (!rate.allowed) headers.set('retry-after', String(rate.resetSeconds));
          }
          const body = rc.response.body;
          if (cost !== undefined && body.kind === 'single') {
            body.singleResult.extensions = { ...body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
