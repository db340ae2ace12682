import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { HEALTH_PATHS } from './health-routes';

/** The process's structured log: one JSON object a line, ISO timestamps, nothing pretty-printed (a collector reads it). */
export function createHttpLogger(level: string): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } });
}

/**
 * One access-log line per request, written when the response is finished (also for the
 * routes that answer on the raw response): request id (from the child logger's bindings),
 * method, path without the query string (a GET operation's variables may hold anything),
 * status, duration and client address. Health probes log at debug, so a load balancer
 * polling every second does not fill the log.
 */
export function useAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?', 1)[0];
    const line = {
      method: request.method,
      path,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (HEALTH_PATHS.has(path)) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
}
