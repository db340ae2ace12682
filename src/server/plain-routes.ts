import type http from 'node:http';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { errorBody, HttpErrorCode } from './http-errors';

/**
 * A plain HTTP endpoint served beside GraphQL (e.g. audience's `/beacon`, the IDE's files) on
 * Node's own request and response, so it reads its body itself and sets its own headers
 * (its own Content-Security-Policy or CORS replace the host's). `client.ip` is the address
 * after proxy trust, as for rate limits. A key ending in `/*` serves every path under it.
 */
export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse, client: { ip: string }) => void | Promise<void>;

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Registers the routes in a scope of their own: no body parser runs there (a route reads the
 * raw stream, e.g. a beacon's `text/plain`), and @fastify/cors leaves them alone. Each reply is
 * hijacked, i.e. handed to the route as it is; the host's security headers and request id
 * were already set on it in `onRequest`.
 */
export function registerPlainRoutes(app: FastifyInstance, routes: Record<string, HttpRoute>, draining: () => boolean): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    for (const [path, route] of Object.entries(routes)) {
      scope.route({
        method: METHODS,
        url: path,
        exposeHeadRoute: false,
        config: { cors: false },
        handler: async (request, reply) => {
          reply.hijack();
          if (draining()) reply.raw.setHeader('connection', 'close');
          try {
            await route(request.raw, reply.raw, { ip: request.ip });
          } catch (err) {
            request.log.error({ err }, 'route failed');
            if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
            reply.raw.end(errorBody('Internal server error', HttpErrorCode.Internal, request.id));
          }
        },
      });
    }
  });
}
