import { Writable } from 'node:stream';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pino from 'pino';
import { AppError, ErrorCode } from '../../src/errors/app-error';
import { startGraphQLServer, type GraphQLServerOptions, type RunningServer } from '../../src/server/graphql-http-server';

/**
 * A small schema for testing the HTTP host itself: a quick field, a slow one (deadline and
 * drain), one that fails like a bug and one that fails like a client mistake.
 */
export const hostTestSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, resolve: () => 'bonjour' },
      slow: {
        type: GraphQLString,
        args: { ms: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { ms }: { ms: number }) => new Promise((resolve) => setTimeout(() => resolve(`waited ${ms}`), ms)),
      },
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('connect ECONNREFUSED db-primary.internal:3306');
        },
      },
      mistake: {
        type: GraphQLString,
        resolve: () => {
          throw new AppError(ErrorCode.BadUserInput, 'That slug is not valid');
        },
      },
    },
  }),
});

export type LogLine = Record<string, any>;

/** A pino logger writing into an array, so a test can read the exact lines an operator would. */
export function memoryLogger(level = 'info') {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        raw.push(text);
        lines.push(JSON.parse(text));
      }
      callback();
    },
  });
  return { logger: pino({ level }, stream), lines, raw };
}

export async function startHostTestServer(options: Partial<GraphQLServerOptions> = {}): Promise<RunningServer & { lines: LogLine[]; raw: string[] }> {
  const log = memoryLogger();
  const server = await startGraphQLServer({ schema: hostTestSchema, port: 0, logger: log.logger, production: false, trustProxyHops: 0, corsOrigins: [], ...options });
  return Object.assign(server, { lines: log.lines, raw: log.raw });
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}
