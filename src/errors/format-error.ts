import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './app-error';

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one boundary between failures and clients. Domain errors keep their code and details;
 * validation failures become BAD_USER_INPUT with the offending fields; anything unexpected
 * becomes INTERNAL_SERVER_ERROR with only a request id (the details go to the log).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors as Array<{ property: string; constraints?: Record<string, string> }>;
    return {
      ...base,
      message: 'Invalid arguments',
      extensions: {
        code: ErrorCode.BadUserInput,
        fields: (fields ?? []).map((f) => ({ field: f.property, messages: Object.values(f.constraints ?? {}) })),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _drop, exception: _drop2, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...base, extensions: rest };
  }
  if (original instanceof GraphQLError && !original.originalError && !code) {
    // Errors graphql-js raises itself (coercion of variables and literals) are the client's.
    return { ...base, extensions: { code: ErrorCode.BadUserInput } };
  }
  const requestId = randomUUID();
  console.error(`[${requestId}]`, original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
