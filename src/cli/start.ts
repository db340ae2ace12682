/**
 * `npm start`: the whole supergraph in one process on http://localhost:4000/graphql.
 * Without DATABASE_URL it runs on SQLite files under ./data, filled with the demo newsroom
 * on first start; in development that first start also creates one account per staff role
 * and prints their passwords, once.
 */
import 'reflect-metadata';
import { startNewsroom } from '../app/newsroom-app';
import { redact } from '../db/database-config';
import { checkSettings } from '../config/settings';
import { mailerConfig } from '../mail/create-mailer';
import { exitOnStartFailure } from './start-failure';
import { ideModeFromEnv } from '../ide/ide-mode';
import { createDemoStaffAccounts, formatDemoStaffAccounts } from '../seed/staff-accounts';
import { startTracing } from '../observability/tracing';
import { exitAfterDrain } from './graceful-exit';

async function main(): Promise<void> {
  checkSettings();
  // Settings that cannot work stop the process before any database is opened.
  mailerConfig();
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing('newsroom');
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '0.0.0.0';
  const production = process.env.NODE_ENV === 'production';
  const seedDemo = process.env.SEED_DEMO !== '0';
  const ide = ideModeFromEnv(process.env);
  const app = await startNewsroom({ port, host, seedDemo, jobs: process.env.JOBS !== '0', ide, http: { tracer: tracing?.tracer } });
  const accounts = app.dataSources.get('accounts');
  const staff = seedDemo && !production && accounts ? await createDemoStaffAccounts(accounts, { production }) : [];
  const where = process.env.DATABASE_URL ? redact(process.env.DATABASE_URL) : `SQLite files in ${process.env.DATA_DIR ?? './data'}`;
  const base = `http://localhost:${app.gateway.port}`;
  // One write, so whoever reads the output (a person, a test) gets the whole banner at once.
  console.log(
    [
      `Newsroom supergraph ready at ${base}/graphql (${where})`,
      ...(ide !== 'off' ? [`GraphQL IDE at ${base}/ide${ide === 'staff' ? ' (introspection for staff: sign in first)' : ''}`] : []),
      ...(staff.length ? [formatDemoStaffAccounts(staff)] : []),
    ].join('\n'),
  );
  // Graceful drain: no new connections, requests in flight finish (10 s at most), then jobs and databases close.
  exitAfterDrain([() => app.stop(), () => tracing?.shutdown()]);
}

main().catch(exitOnStartFailure);
