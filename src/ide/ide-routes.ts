import fs from 'node:fs';
import path from 'node:path';
import { getDistDirectory, isSandboxFrame, renderAltair, renderInitSnippet, SANDBOX_FRAME_CSP } from 'altair-static';
import type { HttpRoute } from '../server/plain-routes';
import { altairOptions, ENDPOINT_PLACEHOLDER } from './altair-options';
import type { ExampleOperation } from './example-operations';
import type { IdeMode } from './ide-mode';

export const IDE_PATH = '/ide';
const INIT_SCRIPT = 'initial-options.js';

/**
 * Everything the page may load comes from this server: Altair's own files and our start-up
 * script. `connect-src 'self'` is what keeps queries (and anything else) from leaving the
 * machine. Angular injects component styles at run time, hence the inline styles.
 */
export const IDE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

// Altair's build holds only these kinds of file; a table of six beats a dependency for it.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * The offline IDE (Altair, from the `altair-static` package) as plain routes for
 * startGraphQLServer: `/ide` (the page) and `/ide/*` (its files and start-up script). The page
 * and script are rendered once: they depend only on the examples and the mode.
 */
export function ideRoutes(options: { examples: ExampleOperation[]; mode: IdeMode; endpointPath?: string }): Record<string, HttpRoute> {
  const dist = getDistDirectory();
  const html = renderAltair({ baseURL: `${IDE_PATH}/`, serveInitialOptionsInSeperateRequest: INIT_SCRIPT });
  // Altair wants an absolute endpoint; only the browser knows the origin it reached us at.
  const endpoint = `new URL(${JSON.stringify(options.endpointPath ?? '/graphql')}, location.href).href`;
  const script = `const endpoint = ${endpoint};\n${renderInitSnippet(altairOptions(options.examples, options.mode)).split(`\`${ENDPOINT_PLACEHOLDER}\``).join('endpoint')}`;

  const page: HttpRoute = (req, res) => {
    res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'content-security-policy': IDE_CSP, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : html);
  };
  const files: HttpRoute = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    let rest: string;
    try {
      rest = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(IDE_PATH.length + 1));
    } catch {
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('malformed path');
    }
    if (rest === '' || rest === 'index.html') return page(req, res, { ip: '' });
    if (rest === INIT_SCRIPT) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.js'], 'cache-control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : script);
    }
    const file = path.resolve(dist, rest);
    const type = CONTENT_TYPES[path.extname(file)];
    // Only files inside Altair's build, of a known kind: no way up the tree, no directory listings.
    if (!file.startsWith(dist + path.sep) || !type || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=3600' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = isSandboxFrame(rest) ? SANDBOX_FRAME_CSP : IDE_CSP;
    // The sandbox frame (where pre- and post-request scripts run) has an opaque origin, so its
    // module scripts are cross-origin requests: public, credential-free files, open to any origin.
    else if (isSandboxFrame(rest)) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  };
  return { [IDE_PATH]: page, [`${IDE_PATH}/*`]: files };
}
