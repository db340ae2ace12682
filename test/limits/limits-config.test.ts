import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { DEFAULT_LIMITS, DEFAULT_RATE, readLimitsConfig } from '../../src/limits/limits-config';
import { DEFAULT_COST_MODEL, listCostEstimator, operationCost } from '../../src/limits/operation-cost';
import { clientKey } from '../../src/context/request-context';
import { clientClass } from '../../src/limits/client-class';
import { Role, ServiceScope } from '../../src/auth/roles';

describe('limits configuration from the environment', () => {
  it('has the documented defaults with an empty environment', () => {
    const config = readLimitsConfig({});
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.rate).toEqual(DEFAULT_RATE);
    expect(config.persisted).toMatchObject({ mode: 'apq', freeOperations: ['staff', 'service'] });
    expect(config.hideSuggestions).toBe(false);
  });

  it('reads every limit and budget per class', () => {
    const config = readLimitsConfig({
      LIMIT_ANONYMOUS_COST: '5000',
      LIMIT_STAFF_DEPTH: '20',
      LIMIT_READER_TOKENS: '900',
      RATE_LIMIT_SERVICE: '100/10',
      NODE_ENV: 'production',
    });
    expect(config.limits.anonymous.cost).toBe(5000);
    expect(config.limits.staff.depth).toBe(20);
    expect(config.limits.reader.tokens).toBe(900);
    expect(config.rate!.service).toEqual({ points: 100, seconds: 10 });
    expect(config.hideSuggestions).toBe(true);
    expect(readLimitsConfig({ RATE_LIMIT: 'off' }).rate).toBeNull();
  });

  it('refuses to start on a malformed value rather than lifting a limit', () => {
    expect(() => readLimitsConfig({ LIMIT_ANONYMOUS_COST: 'lots' })).toThrow(/LIMIT_ANONYMOUS_COST/);
    expect(() => readLimitsConfig({ LIMIT_ANONYMOUS_DEPTH: '0' })).toThrow(/LIMIT_ANONYMOUS_DEPTH/);
    expect(() => readLimitsConfig({ RATE_LIMIT_ANONYMOUS: '100' })).toThrow(/points\/seconds/);
    expect(() => readLimitsConfig({ PERSISTED_OPERATIONS: 'some' })).toThrow(/PERSISTED_OPERATIONS/);
    expect(() => readLimitsConfig({ PERSISTED_OPERATIONS: 'only' })).toThrow(/PERSISTED_OPERATIONS_MANIFEST/);
    expect(() => readLimitsConfig({ PERSISTED_OPERATIONS_FREE: 'editors' })).toThrow(/editors/);
  });
});

describe('client classes', () => {
  it('anonymous, reader, staff for any newsroom role, service tokens', () => {
    expect(clientClass({ viewer: null })).toBe('anonymous');
    expect(clientClass({ viewer: { kind: 'user', userId: 1, roles: [], scopes: [] } })).toBe('reader');
    expect(clientClass({ viewer: { kind: 'user', userId: 1, roles: [Role.Reader], scopes: [] } })).toBe('reader');
    for (const role of [Role.Journalist, Role.Editor, Role.Moderator, Role.Analyst, Role.Admin]) {
      expect(clientClass({ viewer: { kind: 'user', userId: 1, roles: [role], scopes: [] } })).toBe('staff');
    }
    expect(clientClass({ viewer: { kind: 'service', serviceTokenId: 3, roles: [], scopes: [ServiceScope.Read] } })).toBe('service');
    expect(clientKey({ viewer: null, ip: '192.0.2.7' })).toBe('ip:192.0.2.7');
    expect(clientKey({ viewer: { kind: 'user', userId: 4, roles: [], scopes: [] }, ip: '192.0.2.7' })).toBe('user:4');
    expect(clientKey({ viewer: { kind: 'service', serviceTokenId: 3, roles: [], scopes: [] }, ip: '192.0.2.7' })).toBe('service:3');
  });
});

describe('operation cost from the API schema', () => {
  const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
  const cost = (query: string, variables?: Record<string, unknown>) =>
    operationCost(schema, parse(query), undefined, variables, listCostEstimator(DEFAULT_COST_MODEL));

  it('multiplies a connection by first, once (edges and nodes are the same items)', () => {
    expect(cost('{ articles(first: 10) { nodes { title } } }')).toBe(1 + 10 * (1 + 1));
    expect(cost('{ articles(first: 10) { edges { node { title } } } }')).toBe(1 + 10 * (1 + 1 + 1));
    expect(cost('{ articles(first: 10) { totalCount } }')).toBe(1 + 10 * 1);
  });

  it('sizes lists without an argument by the default, or the known bound', () => {
    expect(cost('{ rubrics { name } }')).toBe(1 + 20 * 1);
    expect(cost('{ article(slug: "x") { authors { name } } }')).toBe(1 + (1 + 3 * 1));
    expect(cost('{ articles { nodes { title } } }')).toBe(1 + 20 * 2);
  });

  it('multiplies nested lists and takes sizes from variables', () => {
    const nested = '{ articles(first: 10) { nodes { rubric { articles(first: 10) { nodes { title } } } } } }';
    expect(cost(nested)).toBe(1 + 10 * (1 + (1 + (1 + 10 * 2))));
    expect(cost('query($n: Int) { search(query: "x", first: $n) { nodes { id } } }', { n: 50 })).toBe(1 + 50 * 2);
  });

  it('does not charge introspection', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
    expect(cost('{ homePage { __typename } }')).toBe(1);
  });
});
