/**
 * The ingestion benchmark's servers, in a child process so the load generator does not share
 * their CPU: the whole supergraph (gateway with /beacon) on the database in DATABASE_URL, and
 * the baseline, a bare node:http endpoint that only reads, parses and counts the same bodies.
 * Prints one JSON line with their URLs when ready. `/__settle` on the baseline port flushes
 * the audience buffer and reports the views stored and the views each side accepted.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startNewsroom } from '../src/app/newsroom-app';

function count(body: unknown): number {
  const views = (body as { variables?: { views?: unknown[] } })?.variables?.views ?? body;
  return Array.isArray(views) ? views.length : views && typeof views === 'object' ? 1 : 0;
}

async function main(): Promise<void> {
  const app = await startNewsroom({ port: 0, responseCache: false });
  const audience = app.runtime('audience');
  let baselineViews = 0;
  const server = http.createServer((req, res) => {
    if (req.url === '/__settle') {
      audience
        .settle()
        .then(async () => {
          const [row] = await audience.dataSource.query('SELECT COALESCE(SUM(views), 0) AS n FROM article_view_total');
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: Number(row.n), baseline: baselineViews, written: audience.flusher.written }));
        })
        .catch((err) => res.writeHead(500).end(String(err)));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        baselineViews += count(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  console.log(JSON.stringify({ gateway: app.url, beacon: app.url.replace(/\/graphql$/, '/beacon'), baseline: `http://127.0.0.1:${port}/`, settle: `http://127.0.0.1:${port}/__settle` }));
  process.once('SIGTERM', () => {
    server.close();
    void app.stop().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
