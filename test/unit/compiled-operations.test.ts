import { buildSchema, GraphQLError, type GraphQLObjectType } from 'graphql';
import { CompiledOperations, isPrepared, oneErrorPerNulledField } from '../../src/gateway/compiled-operations';

/** A schema whose items' non-null `name` fails on every item when asked to. */
const schema = buildSchema(`
  type Query { list(fail: Boolean): [Item!] other: String }
  type Item { id: ID! name: String! }
`);
type Item = { id: number; fail: boolean };
const query = schema.getQueryType()!.getFields();
query.list.resolve = (_root, args: { fail?: boolean }) => [1, 2, 3].map((id) => ({ id, fail: Boolean(args.fail) }));
query.other.resolve = () => 'x';
(schema.getType('Item') as GraphQLObjectType).getFields().name.resolve = async (item: Item) => {
  if (item.fail) throw new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } });
  return `n${item.id}`;
};

async function run(query: string, jit: boolean) {
  const op = new CompiledOperations(schema, { jit }).get(query);
  if (!isPrepared(op)) throw new Error(JSON.stringify(op.errors));
  const result = await op.run(undefined, {});
  return JSON.parse(JSON.stringify(result));
}

describe('compiled operations', () => {
  it('answers like graphql-js: data, one error per nulled field with its path and code', async () => {
    for (const query of ['{ list(fail: true) { id name } other }', '{ list { id name } other }']) {
      const [compiled, interpreted] = [await run(query, true), await run(query, false)];
      expect(compiled).toEqual(interpreted);
    }
    const failed = await run('{ list(fail: true) { id name } other }', true);
    expect(failed.data).toEqual({ list: null, other: 'x' });
    expect(failed.errors).toEqual([{ message: 'bad', locations: expect.any(Array), path: ['list', 0, 'name'], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('keeps errors on different fields, drops repeats under one nulled field', () => {
    const e = (path: Array<string | number>) => new GraphQLError('bad', { path });
    const result = oneErrorPerNulledField({ data: { a: null, b: { c: null } }, errors: [e(['a', 0, 'x']), e(['a', 1, 'x']), e(['b', 'c'])] });
    expect(result.errors!.map((x) => x.path)).toEqual([['a', 0, 'x'], ['b', 'c']]);
  });

  it('reports validation errors, prepares valid operations', () => {
    const ops = new CompiledOperations(schema);
    const invalid = ops.get('{ nope }');
    expect(isPrepared(invalid) ? [] : invalid.errors!.map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Query".']);
    expect(isPrepared(ops.get('{ other }'))).toBe(true);
  });
});
