import type { FastifyInstance } from 'fastify';

export const HEALTH_PATHS = new Set(['/livez', '/healthz', '/readyz']);

/**
 * `/livez` (and `/healthz`, its older name): the process answers, so there is no reason to
 * restart it. `/readyz`: it should receive traffic: 503 while draining or while `ready`
 * answers false or a reason (a database or a required subgraph unreachable).
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  options: { ready?: () => Promise<boolean | string>; draining: () => boolean },
): void {
  const alive = async () => ({ status: 'ok' });
  app.get('/livez', { config: { cors: false } }, alive);
  app.get('/healthz', { config: { cors: false } }, alive);
  app.get('/readyz', { config: { cors: false } }, async (request, reply) => {
    let verdict: boolean | string;
    if (options.draining()) verdict = 'draining';
    else {
      try {
        verdict = options.ready ? await options.ready() : true;
      } catch (err) {
        // The reason goes to the log: an error message may name hosts the probe need not know.
        request.log.warn({ err }, 'readiness check failed');
        verdict = 'readiness check failed';
      }
    }
    if (verdict === true) return { status: 'ready' };
    reply.code(503);
    return { status: 'unavailable', reason: typeof verdict === 'string' ? verdict : 'not ready' };
  });
}
