import { parse } from 'graphql';
import { gatewayModule } from '../../src/gateway/apollo-internals';
import { compileGatewayShaping, compileShaping, shapingStepsKept } from '../../src/gateway/result-shaping';

// The modules Apollo Gateway itself loads (not second copies).
const internals = gatewayModule<any>('@apollo/federation-internals');
const shaping = gatewayModule<any>('@apollo/gateway/dist/resultShaping');
const original = shaping.computeResponse;

/** A schema with what result shaping meets: interfaces, unions, enums, custom scalars, lists, non-null at every level. */
const schema = internals.buildSchema(`
  scalar DateTime
  enum Tone { NEUTRAL ALERT }
  interface Node { id: ID! }
  type Author implements Node { id: ID! name: String! tone: Tone }
  type Article implements Node {
    id: ID! title: String! count: Int score: Float live: Boolean at: DateTime
    authors: [Author!]! tags: [String] grid: [[Int!]] blocks: [Block!] lead: Block tone: Tone!
  }
  type Paragraph { text: String! }
  type Quote { text: String attribution: String }
  union Block = Paragraph | Quote
  type Query { node(id: ID!): Node article(slug: String): Article articles: [Article!]! now: DateTime }
`);

const operationOf = (query: string) => internals.operationFromDocument(schema, parse(query), { validate: false });

/** The gateway's answer (or what it throws, for an answer that breaks its assertions) and the compiled walk's for the same input. */
function both(query: string, input: unknown, variables?: Record<string, unknown>) {
  const operation = operationOf(query);
  let expected: { data?: unknown; errors?: unknown[]; threw?: string };
  try {
    expected = original({ operation, variables, input, introspectionHandling: () => null });
  } catch (error) {
    expected = { threw: (error as Error).message };
  }
  const walked = compileShaping(operation, internals)(input as Record<string, unknown>, variables);
  return { expected, walked };
}

const PAGE = `query P($withTags: Boolean!, $skipLead: Boolean = true) {
  first: article(slug: "a") {
    __typename kind: __typename id title count score live at tone
    tags @include(if: $withTags)
    grid
    lead @skip(if: $skipLead) { __typename ... on Paragraph { text } }
    authors { id name ...Named }
    blocks { ... on Paragraph { text } ... on Quote { text attribution } }
    ... on Node { id }
  }
  node(id: "1") { __typename id ... on Author { name } ... on Article { title authors { name } } }
  articles { id authors { ... on Author { tone } } }
  now
}
fragment Named on Node { ... on Author { name tone } }`;

const ANSWER = {
  first: {
    __typename: 'Article', kind: 'Article', id: '1', title: 'Le « Maroc » d’hier', count: 3, score: 0.25, live: true, at: { custom: 'any value' }, tone: 'ALERT',
    tags: ['a', null], grid: [[1, 2], null], lead: { __typename: 'Quote', text: 'q' },
    authors: [{ __typename: 'Author', id: 7, name: 'Ann', tone: null, extra: 'dropped' }],
    blocks: [{ __typename: 'Quote', text: null, attribution: 'x' }, { __typename: 'Paragraph', text: 'p' }],
  },
  node: { __typename: 'Article', id: '9', title: 'T', authors: [] },
  articles: [{ id: '2', authors: [{ __typename: 'Author', tone: 'NEUTRAL' }] }],
  now: '2026-11-30T10:00:00.000Z',
  _extraKey: 1,
};

describe('the gateway shapes answers through walks compiled per operation (result-shaping.ts)', () => {
  it('answers what the gateway answers for valid answers: same values, same key order', () => {
    for (const variables of [{ withTags: true }, { withTags: false, skipLead: false }, { withTags: true, skipLead: true }]) {
      const { expected, walked } = both(PAGE, ANSWER, variables);
      expect(expected.errors).toEqual([]);
      expect(JSON.stringify(walked)).toBe(JSON.stringify(expected.data));
    }
  });

  it('gives up on whatever makes the gateway report an error or assert', () => {
    const broken: Array<[string, unknown]> = [
      ['null for a non-null field', { ...ANSWER, first: { ...ANSWER.first, title: null } }],
      ['null in a list of non-null items', { ...ANSWER, first: { ...ANSWER.first, authors: [null] } }],
      ['an enum value the schema lacks', { ...ANSWER, first: { ...ANSWER.first, tone: 'LOUD' } }],
      ['a fraction for an Int', { ...ANSWER, first: { ...ANSWER.first, count: 1.5 } }],
      ['a string for a Boolean', { ...ANSWER, first: { ...ANSWER.first, live: 'yes' } }],
      ['an object for a String', { ...ANSWER, first: { ...ANSWER.first, title: { a: 1 } } }],
      ['an unknown __typename', { ...ANSWER, first: { ...ANSWER.first, lead: { __typename: 'Video' } } }],
      ['a non-list for a list', { ...ANSWER, first: { ...ANSWER.first, authors: {} } }],
    ];
    const withTags = (tags: unknown[]) => ({ ...ANSWER, first: { ...ANSWER.first, tags } });
    broken.push(['an undefined item in a list', withTags([undefined, 'a'])], ['an array for an object', { ...ANSWER, first: [] }]);
    for (const [what, input] of broken) {
      const { expected, walked } = both(PAGE, input, { withTags: true, skipLead: false });
      expect([what, typeof walked]).toEqual([what, 'symbol']);
      // Each of these is an error (or a thrown assertion) in the gateway's own walk.
      expect([what, !!expected.threw || !!expected.errors?.length]).toEqual([what, true]);
    }
  });

  it('gives up on a non-string __typename under a fragment without a type condition', () => {
    const { expected, walked } = both('query Q($x: Boolean = true) { ... @include(if: $x) { now } }', { __typename: 5, now: 'x' });
    expect(expected.threw).toMatch(/__typename/);
    expect(typeof walked).toBe('symbol');
  });

  it('takes the gateway’s answer, errors included, when it gives up, and its own from the second answer of an operation on', () => {
    expect(compileGatewayShaping()).toBe(true);
    expect(shaping.computeResponse.compiled).toBe(true);
    expect(compileGatewayShaping()).toBe(true);
    const operation = operationOf(PAGE);
    const variables = { withTags: true };
    const run = (input: unknown) => shaping.computeResponse({ operation, variables, input, introspectionHandling: () => null });
    const shaped = [run(ANSWER), run(ANSWER)];
    const expected = original({ operation, variables, input: ANSWER, introspectionHandling: () => null });
    for (const answer of shaped) expect(JSON.stringify(answer)).toBe(JSON.stringify(expected));
    // The second answer comes from the compiled walk: plain objects, where the gateway's have no prototype.
    expect(Object.getPrototypeOf(shaped[0].data)).toBeNull();
    expect(Object.getPrototypeOf(shaped[1].data)).toBe(Object.prototype);

    const invalid = { ...ANSWER, first: { ...ANSWER.first, title: null } };
    const failed = run(invalid);
    expect(failed.errors.map((e: Error) => e.message)).toEqual(['Cannot return null for non-nullable field Article.title.']);
    expect(JSON.stringify(failed)).toBe(JSON.stringify(original({ operation, variables, input: invalid, introspectionHandling: () => null })));
  });

  it('leaves introspection fields and names from Object’s prototype to the gateway', () => {
    expect(() => compileShaping(operationOf('{ __schema { queryType { name } } now }'), internals)).toThrow(/introspection/);
    expect(() => compileShaping(operationOf('{ constructor: now }'), internals)).toThrow(/constructor/);
    expect(() => compileShaping(operationOf('{ __proto__: now }'), internals)).toThrow(/__proto__/);
  });

  it('matches the gateway on random answers, nulls and wrong values included', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
    const odd = () => pick<unknown>([null, undefined, 'LOUD', 1.5, 'x', true, 3, {}, [], 'Quote', 'Author']);
    /** The answer with, now and then, a value replaced by a wrong or missing one. */
    const mutate = (value: unknown): unknown => {
      if (random() < 0.03) return odd();
      if (Array.isArray(value)) return value.map(mutate);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v)]));
      return value;
    };
    const outcomes = { compiled: 0, gaveUp: 0 };
    for (let i = 0; i < 1000; i++) {
      const variables = { withTags: random() < 0.5, skipLead: random() < 0.5 };
      // The root answer is an object here: an empty one never reaches the walk (the wrapper hands it to the gateway).
      const input = Object.fromEntries(Object.entries(ANSWER).map(([k, v]) => [k, mutate(v)]));
      const operation = operationOf(PAGE);
      let expected: unknown;
      try {
        expected = original({ operation, variables, input, introspectionHandling: () => null });
      } catch (error) {
        expected = { threw: (error as Error).message };
      }
      const walked = compileShaping(operation, internals)(input as Record<string, unknown>, variables);
      if (typeof walked === 'symbol') {
        outcomes.gaveUp += 1;
        continue;
      }
      outcomes.compiled += 1;
      expect(JSON.stringify({ data: walked, errors: [] })).toBe(JSON.stringify(expected));
    }
    // Both paths taken often enough to mean something.
    expect(outcomes.compiled).toBeGreaterThan(100);
    expect(outcomes.gaveUp).toBeGreaterThan(100);
  });

  it('keeps the generated steps of at most 5,000 response names (aliases are the client’s), and walks compiled before keep working', () => {
    const early = `{ article(slug: "a") { early: title } }`;
    const earlyWalk = compileShaping(operationOf(early), internals);
    for (let batch = 0; batch < 12; batch++) {
      const aliases = Array.from({ length: 500 }, (_, i) => `t${batch}_${i}: title`).join(' ');
      compileShaping(operationOf(`{ article(slug: "a") { ${aliases} } }`), internals);
      expect(shapingStepsKept()).toBeLessThanOrEqual(5_000 + 2);
    }
    const input = { article: { early: 'Le « Maroc » d’hier' } };
    expect(earlyWalk(input, undefined)).toEqual(original({ operation: operationOf(early), input, introspectionHandling: () => null }).data);
  });

  it('walks a very long alias (GraphQL has no limit) without keeping it in the generated steps', () => {
    const long = `a${'x'.repeat(100_000)}`;
    const query = `{ article(slug: "a") { ${long}: title kind${'y'.repeat(100)}: __typename } }`;
    const before = shapingStepsKept();
    const input = { article: { [long]: 'Le « Maroc »', [`kind${'y'.repeat(100)}`]: 'Article' } };
    const walked = compileShaping(operationOf(query), internals)(input, undefined);
    expect(walked).toEqual(original({ operation: operationOf(query), input, introspectionHandling: () => null }).data);
    expect(shapingStepsKept()).toBe(before);
  });
});

