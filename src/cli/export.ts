/**
 * Exports the published articles with bylines, rubric paths, tags, word counts, view counts
 * and comment counts, newest first, as NDJSON or CSV:
 *   npm run export -- [--since 2026-01-01] [--format ndjson|csv] [--out articles.ndjson]
 * With GATEWAY_URL it pages through that gateway with EXPORT_TOKEN: a service token secret
 * (`nrst_…`, exchanged and renewed as needed; give it the EXPORT scope) or an analyst's access
 * token. Without GATEWAY_URL it starts the supergraph (`npm start`) in a child process on the
 * configured databases (DATABASE_URL or ./data) and signs its own export-scoped token:
 * whoever runs it holds AUTH_SECRET and the databases already. Rows go to stdout unless
 * --out is given; progress goes to stderr, with the change feed cursor to follow afterwards.
 * The npm script caps the heap (64 MB of old space): the job holds one page at a time.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { exportArticles } from '../audience/export/article-export';
import type { ExportFormat } from '../audience/export/export-format';
import { httpGraphClient, serviceSecretToken, staticToken } from '../audience/export/graph-client';
import { startLocalSupergraph } from '../audience/export/local-supergraph';
import { signAccessToken } from '../auth/access-token';
import { ServiceScope } from '../auth/roles';
import { argValue } from './args';

/** The subject of the token the CLI signs for itself: no stored service token has this id. */
const LOCAL_EXPORT_SUBJECT = 2 ** 31 - 1;

async function main(): Promise<void> {
  const format = (argValue('--format') ?? 'ndjson') as ExportFormat;
  if (format !== 'ndjson' && format !== 'csv') throw new Error('--format must be ndjson or csv');
  const sinceArg = argValue('--since');
  const since = sinceArg ? new Date(sinceArg) : null;
  if (since && Number.isNaN(since.getTime())) throw new Error('--since must be a date, e.g. 2026-01-01 or 2026-01-01T06:00:00Z');
  const outPath = argValue('--out');
  const out: Writable = outPath ? fs.createWriteStream(outPath) : process.stdout;
  let local: { url: string; stop(): Promise<void> } | null = null;
  // A reader that goes away (`| head`) ends the export quietly.
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    void (local?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  });

  let url = process.env.GATEWAY_URL;
  let token;
  if (url) {
    const given = process.env.EXPORT_TOKEN;
    if (!given) throw new Error('EXPORT_TOKEN must hold a service token secret (nrst_…) or an access token when GATEWAY_URL is set');
    token = given.startsWith('nrst_') ? serviceSecretToken(url, given) : staticToken(given);
  } else {
    local = await startLocalSupergraph();
    url = local.url;
    const signed = process.env.EXPORT_TOKEN ?? (await signAccessToken({ serviceTokenId: LOCAL_EXPORT_SUBJECT, scopes: [ServiceScope.Export] }, 24 * 3600));
    token = staticToken(signed);
  }
  try {
    const started = Date.now();
    const result = await exportArticles(httpGraphClient(url, token), out, { format, since });
    if (outPath) {
      out.end();
      await finished(out);
    }
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `Exported ${result.rows} articles in ${seconds.toFixed(1)} s (${Math.round(result.rows / Math.max(seconds, 0.001))}/s).\n` +
        `Follow later changes with articleChanges(after: ${JSON.stringify(result.feedCursor)}).\n`,
    );
  } finally {
    await local?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
