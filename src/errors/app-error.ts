/** Stable error codes clients can switch on. Every expected failure carries one of these. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

/** A domain failure: thrown by services, turned into a GraphQL error at one boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.NotFound, `${what} not found`, details);

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BadUserInput, message, details);
