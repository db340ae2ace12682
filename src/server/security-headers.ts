import Fastify, { type FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this route sends no Content-Security-Policy of the host's (it sets its own, or needs none). */
    contentSecurityPolicy?: boolean;
  }
}

/**
 * helmet's security headers (its defaults), as @fastify/helmet sends them, captured once at
 * start: a probe server with and without the plugin answers one injected request, and the
 * headers only the first has are helmet's. The plugin itself rebuilds helmet's middleware on
 * every request (~7 µs, a quarter of the host's own cost on a 204 beacon); these are static,
 * so setting them from a captured list costs a third of that.
 */
export async function captureHelmetHeaders(): Promise<Array<[string, string]>> {
  const probe = async (withHelmet: boolean) => {
    const app = Fastify();
    if (withHelmet) await app.register(fastifyHelmet, { global: true });
    app.get('/', async () => 'probe');
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    return res.headers;
  };
  const [secured, plain] = await Promise.all([probe(true), probe(false)]);
  return Object.entries(secured)
    .filter(([name, value]) => !(name in plain) && typeof value === 'string')
    .map(([name, value]) => [name, value as string]);
}

/**
 * Sets the security headers on the raw response of every request, first thing, so that routes
 * answering on it (plain routes) send them too, and a route can still replace one (an IDE page
 * sets its own Content-Security-Policy).
 */
export function useSecurityHeaders(app: FastifyInstance, headers: Array<[string, string]>): void {
  const withoutCsp = headers.filter(([name]) => name !== 'content-security-policy');
  app.addHook('onRequest', (request, reply, done) => {
    const set = request.routeOptions.config.contentSecurityPolicy === false ? withoutCsp : headers;
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    done();
  });
}
