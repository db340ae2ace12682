import type { Rubric } from '../../entities/editorial/rubric.entity';
import { RubricTree } from '../../src/editorial/rubric-tree';

const rubric = (id: number, name: string, parentId: number | null, treePath: string, position = 0, archived = false): Rubric =>
  ({ id, name, slug: name.toLowerCase(), path: name.toLowerCase(), parentId, treePath, depth: treePath.split('/').filter(Boolean).length - 1, position, description: null, archivedAt: archived ? new Date() : null }) as Rubric;

describe('RubricTree', () => {
  const tree = new RubricTree([
    rubric(1, 'Monde', null, '/1/', 1),
    rubric(2, 'Ameriques', 1, '/1/2/', 2),
    rubric(3, 'Nord', 2, '/1/2/3/'),
    rubric(4, 'USA', 3, '/1/2/3/4/'),
    rubric(5, 'Maroc', null, '/5/', 0),
    rubric(6, 'Afrique', 1, '/1/6/', 1),
    rubric(7, 'Ancien', 1, '/1/7/', 3, true),
    rubric(11, 'Dix', 1, '/1/11/', 4),
  ]);

  it('walks from the root down to a rubric', () => {
    expect(tree.lineage(4).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(tree.ancestors(4).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(tree.lineage(999)).toEqual([]);
  });

  it('orders roots and children by position and hides archived rubrics from menus', () => {
    expect(tree.roots().map((r) => r.id)).toEqual([5, 1]);
    expect(tree.children(1).map((r) => r.id)).toEqual([6, 2, 11]);
    expect(tree.children(1, true).map((r) => r.id)).toEqual([6, 2, 7, 11]);
  });

  it('finds a subtree by path prefix without confusing /1/ with /11/', () => {
    expect(tree.subtree(2).map((r) => r.id).sort()).toEqual([2, 3, 4]);
    expect(tree.subtree(1).map((r) => r.id)).not.toContain(5);
    expect(tree.subtree(11).map((r) => r.id)).toEqual([11]);
  });

  it('keeps what is derived from it once per kind and rubric, with the tree itself', () => {
    const kind = Symbol('names');
    let built = 0;
    const names = (id: number) => tree.derive(kind, id, () => (built++, tree.lineage(id).map((r) => r.name)));
    expect(names(4)).toBe(names(4));
    expect(names(3)).not.toBe(names(4));
    expect(built).toBe(2);
    expect(tree.derive(Symbol('other'), 4, () => 'other')).toBe('other');
    // Another tree (a rubric changed) builds its own.
    expect(new RubricTree([]).derive(kind, 4, () => 'fresh')).toBe('fresh');
  });
});
