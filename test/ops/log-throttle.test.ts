import { Writable } from 'node:stream';
import pino from 'pino';
import { createFormatError } from '../../src/errors/format-error';
import { LogThrottle } from '../../src/errors/log-throttle';
import { createGateway } from '../../src/gateway/create-gateway';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { gql } from '../support/graphql-client';
import { closedPort } from '../support/tcp-relay';

type Line = { msg: string; level: number; suppressed?: number; repeated?: string; requestId?: string; subgraph?: string };

/** A real pino logger whose JSON lines are kept in memory. */
function capturedLogger(): { logger: pino.Logger; lines: Line[] } {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** pino hands lines to the stream on the next ticks. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('logs during an outage', () => {
  it('collapses a burst of 10,000 identical failures into a few lines and one count, and still writes a different failure', async () => {
    const { logger, lines } = capturedLogger();
    const throttle = new LogThrottle({ perWindow: 10, windowMs: 60_000 });
    const formatError = createFormatError(() => ({ requestId: 'r', log: logger }), throttle);
    const failure = new Error('connect ECONNREFUSED 127.0.0.1:3306');
    for (let i = 0; i < 10_000; i++) {
      const answer = formatError({ message: failure.message, path: ['rubric'] }, failure);
      expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    }
    formatError({ message: 'another failure', path: ['article'] }, new Error('another failure'));
    throttle.flush();
    await settled();

    expect(lines.length).toBe(12);
    expect(lines.filter((l) => l.msg === 'unexpected error')).toHaveLength(11);
    const summary = lines.find((l) => l.suppressed !== undefined)!;
    expect(summary).toMatchObject({ suppressed: 9_990, repeated: 'unexpected error', msg: '9990 more identical lines suppressed' });
  });

  it('throttles the gateway\'s failed subgraph calls: the first lines with their request ids, then the count', async () => {
    const { logger, lines } = capturedLogger();
    const throttle = new LogThrottle({ perWindow: 5, windowMs: 60_000 });
    const editorialUrl = `http://127.0.0.1:${await closedPort()}/graphql`;
    const server = await startGraphQLServer({
      gateway: createGateway({ urls: { editorial: editorialUrl }, failureLog: { log: logger, throttle } }),
      port: 0,
      logger,
      logThrottle: throttle,
      logLevel: 'warn',
    });
    try {
      for (let i = 0; i < 200; i++) {
        const answer = await gql(server.url, '{ rubrics { name } }', undefined, { 'x-request-id': `outage-${i}` });
        expect(answer.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      }
    } finally {
      await server.stop();
    }
    await settled();
    const failures = lines.filter((l) => l.msg === 'subgraph call failed');
    expect(failures.map((l) => [l.subgraph, l.requestId])).toEqual([0, 1, 2, 3, 4].map((i) => ['editorial', `outage-${i}`]));
    const summaries = lines.filter((l) => l.suppressed !== undefined);
    expect(summaries).toEqual([expect.objectContaining({ suppressed: 195, repeated: 'subgraph call failed' })]);
  });
});
