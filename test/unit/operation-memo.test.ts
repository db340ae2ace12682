import fs from 'node:fs';
import { Kind, parse, type DocumentNode } from 'graphql';
import { gatewayModule } from '../../src/gateway/apollo-internals';
import { SUPERGRAPH_FILE } from '../../src/gateway/create-gateway';
import { memoizeGatewayOperations } from '../../src/gateway/operation-memo';

// The federation-internals module Apollo Gateway itself loads (not a second copy).
const internals = gatewayModule<any>('@apollo/federation-internals');

/** The document `executeQueryPlan` builds on every request: the operation and its fragments, anew each time. */
const asExecuted = (doc: DocumentNode): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [...doc.definitions] });

describe('the gateway converts each operation for result shaping once (operation-memo.ts)', () => {
  const apiSchema = internals.Supergraph.build(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema();
  const page = parse('query P($slug: String!) { article(slug: $slug) { ...Card viewCount } } fragment Card on Article { id title }');

  it('is in place on the module Apollo Gateway calls', () => {
    expect(memoizeGatewayOperations()).toBe(true);
    expect(internals.operationFromDocument.memoized).toBe(true);
  });

  it('answers the same conversion for the same parsed operation, a new one for another', () => {
    memoizeGatewayOperations();
    const first = internals.operationFromDocument(apiSchema, asExecuted(page), { validate: false });
    expect(internals.operationFromDocument(apiSchema, asExecuted(page), { validate: false })).toBe(first);
    expect(String(first)).toContain('viewCount');
    // The same text parsed again (a document Apollo Server's cache no longer holds) is converted again, equal.
    const again = internals.operationFromDocument(apiSchema, asExecuted(parse(String(page.loc!.source.body))), { validate: false });
    expect(again).not.toBe(first);
    expect(String(again)).toBe(String(first));
  });

  it('leaves planning (validated, by operation name) to the original', () => {
    memoizeGatewayOperations();
    const a = internals.operationFromDocument(apiSchema, page, { operationName: 'P' });
    const b = internals.operationFromDocument(apiSchema, page, { operationName: 'P' });
    expect(a).not.toBe(b);
    expect(() => internals.operationFromDocument(apiSchema, parse('{ nope }'))).toThrow();
  });
});
