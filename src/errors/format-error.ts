import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { LimitErrorCode } from '../limits/limit-errors';
import { ErrorCode } from './app-error';
import { SubgraphFailureCode } from '../gateway/subgraph-failure';
import { CONSOLE_LOG, LogThrottle } from './log-throttle';

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(LimitErrorCode),
  // A subgraph down or slow: the client sees which fields are missing and from which service.
  ...Object.values(SubgraphFailureCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // Public outcomes that are not the server's fault: a deadline or a missing subgraph.
  'GATEWAY_TIMEOUT',
  'SERVICE_UNAVAILABLE',
]);

/** Extension keys that never leave the server. */
const PRIVATE_KEYS = new Set(['stacktrace', 'exception', 'serviceName', 'validationErrors']);

type ValidationIssue = { property?: string; constraints?: Record<string, string>; children?: ValidationIssue[] };

function fieldErrors(issues: ValidationIssue[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return issues.flatMap((issue) => {
    const field = prefix ? `${prefix}.${issue.property}` : String(issue.property);
    const own = issue.constraints ? [{ field, messages: Object.values(issue.constraints) }] : [];
    return [...own, ...fieldErrors(issue.children ?? [], field)];
  });
}

/** The request an error belongs to: its id, and the log that records what the client is not shown. */
export type ErrorScope = { requestId: string; log: { error(details: object, message: string): void; warn(details: object, message: string): void } };


/**
 * The one boundary between failures and clients, used by the gateway and by every subgraph
 * served alone. Client errors keep their code and public details (validation failures list
 * the offending fields, never the values); anything else becomes INTERNAL_SERVER_ERROR with
 * only the request id, the details going to the log under that id. Every error carries the
 * request id, so a client can quote it. `scopeOf` gives the request an error belongs to (Apollo
 * calls formatError without the context; see error-scopes.ts); an error of no known request
 * carries `pendingId` (which the host replaces) or else a fresh id.
 */
export function createFormatError(
  scopeOf: (error: unknown) => ErrorScope | undefined,
  throttle: LogThrottle = new LogThrottle(),
  pendingId?: string,
  /** Where an unexpected error of no known request is logged (the server's log). */
  fallbackLog: ErrorScope['log'] = CONSOLE_LOG,
) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const current = scopeOf(error);
    const requestId = current?.requestId ?? pendingId ?? randomUUID();
    const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (code && CLIENT_CODES.has(code)) {
      const publicExtensions: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(extensions)) if (!PRIVATE_KEYS.has(key)) publicExtensions[key] = value;
      if (Array.isArray(extensions.validationErrors)) {
        publicExtensions.fields = fieldErrors(extensions.validationErrors as ValidationIssue[]);
        base.message = 'Invalid arguments';
      }
      publicExtensions.requestId = requestId;
      return { ...base, extensions: publicExtensions };
    }
    // During an outage every request fails alike: the same failure is logged a few times per
    // window, then counted (log-throttle.ts).
    // (An error of no known request, such as a plugin failing outside the hooks that see the
    // request's errors, is logged without an id; the access log line of its 500 carries it.)
    const kind = `format-error|${code ?? ''}|${formatted.message}`;
    throttle.error(current?.log ?? fallbackLog, kind, { err: error, path: formatted.path, requestId: current?.requestId }, 'unexpected error');
    // The gateway marks errors from a subgraph with its name: say which service failed, as the
    // SUBGRAPH_* codes do, so a partial page tells which part is missing and why.
    const subgraph = typeof extensions.serviceName === 'string' ? { subgraph: extensions.serviceName } : {};
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, ...subgraph } };
  };
}
