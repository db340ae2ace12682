import type { FastifyInstance } from 'fastify';
import type { ProcessMetrics } from './process-metrics';

/**
 * `GET /metrics`: this process's metrics in Prometheus's text format, collected at each scrape
 * (the outbox gauge reads its databases then) and never cached.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: ProcessMetrics): void {
  app.get('/metrics', { config: { cors: false } }, async (_request, reply) => {
    const body = await metrics.scrape();
    reply.header('content-type', metrics.contentType).header('cache-control', 'no-store');
    return body;
  });
}
