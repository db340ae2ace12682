import { GraphQLError } from 'graphql';

/** Stable error codes clients can switch on. Every expected failure carries one of these. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  /** A search stopped by its statement time limit (MySQL): the words match too much to rank in time. */
  SearchTimeout = 'SEARCH_TIMEOUT',
}

/**
 * A domain failure thrown by services. It is a GraphQLError whose extensions carry the code
 * and details, so it survives every hop unchanged: a subgraph over HTTP, or the gateway
 * executing a subgraph in process.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.NotFound, `${what} not found`, details);

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BadUserInput, message, details);
