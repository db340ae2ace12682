import type http from 'node:http';
import { AppError, ErrorCode } from '../errors/app-error';
import type { HttpRoute } from '../server/plain-routes';
import { PageViewIngestService, type PageViewIngestParts, type PageViewSubmission } from './page-view-ingest.service';

/** A beacon is a few views; anything bigger is not one. */
const MAX_BEACON_BYTES = 64 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

/**
 * `POST /beacon`, for `navigator.sendBeacon`: a JSON view (`{"articleId": 12}`) or an array
 * of them, with any content type, since sendBeacon sends a string as `text/plain` (the only
 * way to avoid a CORS preflight). Answers 204 as soon as the views are counted in memory;
 * 400 for a body that is not JSON views, 413 past 64 KiB, 429 when the address sends too
 * much. Browsers ignore the answer, but load balancers and tests do not.
 */
export function beaconRoute(rt: PageViewIngestParts): HttpRoute {
  const service = new PageViewIngestService(rt);
  return async (req, res, client) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (req.method !== 'POST') return void res.writeHead(405, { ...CORS, allow: 'POST, OPTIONS' }).end();
    const body = await readSmallBody(req);
    if (body === null) return void res.writeHead(413, CORS).end();
    const views = parseViews(body);
    if (!views) return void res.writeHead(400, { ...CORS, 'content-type': 'text/plain' }).end('expected a JSON view or array of views');
    try {
      await service.ingest(views, { ip: client.ip, userAgent: req.headers['user-agent'], viewer: null });
      res.writeHead(204, CORS).end();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const status = err.code === ErrorCode.TooManyRequests ? 429 : 400;
      const retry = err.extensions.retryAfterSeconds;
      res.writeHead(status, { ...CORS, 'content-type': 'text/plain', ...(retry ? { 'retry-after': String(retry) } : {}) }).end(err.message);
    }
  };
}

function parseViews(body: string): PageViewSubmission[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.length && list.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? (list as PageViewSubmission[]) : null;
}

/** The body, or null past the limit. Plain stream events: `for await` over the request was measurably slower per beacon. */
function readSmallBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BEACON_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BEACON_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
