/**
 * `npm start`: the whole supergraph in one process on http://localhost:4000/graphql.
 * Without DATABASE_URL it runs on SQLite files under ./data, filled with the demo newsroom
 * on first start.
 */
import 'reflect-metadata';
import { startNewsroom } from '../app/newsroom-app';
import { redact } from '../db/database-config';
import { checkSettings } from '../config/settings';
import { mailerConfig } from '../mail/create-mailer';
import { exitOnStartFailure } from './start-failure';

async function main(): Promise<void> {
  checkSettings();
  // Settings that cannot work stop the process before any database is opened.
  mailerConfig();
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '0.0.0.0';
  const app = await startNewsroom({ port, host, seedDemo: process.env.SEED_DEMO !== '0', jobs: process.env.JOBS !== '0' });
  const where = process.env.DATABASE_URL ? redact(process.env.DATABASE_URL) : 'SQLite files in ./data';
  console.log(`Newsroom supergraph ready at http://localhost:${app.gateway.port}/graphql (${where})`);
  // Graceful drain: no new connections, requests in flight finish (10 s at most), then jobs and databases close.
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(exitOnStartFailure);
