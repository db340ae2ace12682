import { openDatabases, closeDatabases } from '../../src/app/open-databases';
import { createGateway } from '../../src/gateway/create-gateway';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';
import { memoryLogger } from '../support/http-test-server';

describe('one request id from the client through the gateway to a subgraph served apart', () => {
  it('is in the error the client sees and in the access-log lines of both processes', async () => {
    const scratch = scratchTargets('sqlite', 'request_id', ['editorial']);
    const dataSources = await openDatabases([editorialSubgraph], { targets: scratch.targets });
    const subgraphLog = memoryLogger();
    const gatewayLog = memoryLogger();
    const subgraph = await startSubgraphServer(editorialSubgraph, dataSources.get('editorial')!, { port: 0, http: { logger: subgraphLog.logger } });
    const gateway = await startGraphQLServer({ gateway: createGateway({ urls: { editorial: subgraph.url } }), port: 0, logger: gatewayLog.logger });
    try {
      const res = await gql(gateway.url, '{ article(slug: "introuvable") { id } }', {}, { 'x-request-id': 'edge-4f2c9a17' });
      expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'edge-4f2c9a17' });
      const access = (lines: Array<Record<string, any>>) => lines.filter((line) => line.msg === 'request').map((line) => [line.requestId, line.path, line.status]);
      expect(access(gatewayLog.lines)).toEqual([['edge-4f2c9a17', '/graphql', 200]]);
      expect(access(subgraphLog.lines)).toEqual([['edge-4f2c9a17', '/graphql', 200]]);
    } finally {
      await gateway.stop();
      await subgraph.stop();
      await closeDatabases(dataSources);
      await scratch.cleanup();
    }
  });
});
