import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Codes of refusals made by the HTTP host itself, before or around GraphQL execution. */
export enum HttpErrorCode {
  BadRequest = 'BAD_REQUEST',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  NotFound = 'NOT_FOUND',
  GatewayTimeout = 'GATEWAY_TIMEOUT',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** A request body that is not UTF-8: refused before JSON parsing turns the bad bytes into U+FFFD. */
export class InvalidUtf8Error extends Error {
  readonly statusCode = 400;
  readonly code = 'INVALID_UTF8';
  constructor() {
    super('Request body is not valid UTF-8');
  }
}

/** The request deadline passed before the answer was ready. */
export class DeadlineExceededError extends Error {
  readonly statusCode = 504;
  readonly code = 'REQUEST_DEADLINE';
  constructor(ms: number) {
    super(`No answer within ${ms} ms`);
  }
}

type Refusal = { status: number; code: HttpErrorCode; message: string };

/** Fastify's own failures, by their stable `code`, mapped to what the client sees. */
const FASTIFY_REFUSALS: Record<string, Refusal> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: HttpErrorCode.PayloadTooLarge, message: 'Request body too large (1 MiB at most)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: HttpErrorCode.UnsupportedMediaType, message: 'Unsupported content type: send application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: HttpErrorCode.BadRequest, message: 'Empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: HttpErrorCode.BadRequest, message: 'Malformed JSON body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: HttpErrorCode.BadRequest, message: 'Request body size does not match Content-Length' },
  INVALID_UTF8: { status: 400, code: HttpErrorCode.BadRequest, message: 'Request body is not valid UTF-8' },
  REQUEST_DEADLINE: { status: 504, code: HttpErrorCode.GatewayTimeout, message: 'The request took too long and was abandoned' },
};

/** The GraphQL-over-HTTP shape of a refusal, so clients read every failure the same way. */
export function errorBody(message: string, code: HttpErrorCode | string, requestId: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] });
}

/**
 * Fastify's error handler: client mistakes keep a 4xx status and a code, with no stack trace
 * logged; anything else is a 500 INTERNAL_SERVER_ERROR carrying only the request id, the
 * details going to the log under that id.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let refusal: Refusal | undefined = error.code ? FASTIFY_REFUSALS[error.code] : undefined;
  if (!refusal && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's other client errors (bad Content-Length, header problems …): its messages name no internals.
    refusal = { status: error.statusCode, code: HttpErrorCode.BadRequest, message: error.message };
  }
  if (refusal) {
    request.log.info({ code: refusal.code, reason: error.code }, 'request refused');
    // A client that sent too much may still be sending: closing the connection is the only way
    // to make sure the next request on it is not read from the middle of this body.
    if (refusal.status === 413) reply.header('connection', 'close');
    reply.code(refusal.status).type('application/json; charset=utf-8').send(errorBody(refusal.message, refusal.code, request.id));
    return;
  }
  request.log.error({ err: error }, 'request failed');
  reply.code(500).type('application/json; charset=utf-8').send(errorBody('Internal server error', HttpErrorCode.Internal, request.id));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  reply.code(404).type('application/json; charset=utf-8').send(errorBody('Not found', HttpErrorCode.NotFound, request.id));
}
