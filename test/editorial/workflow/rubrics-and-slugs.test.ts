import { IsNull } from 'typeorm';
import { Rubric } from '../../../entities/editorial/rubric.entity';
import { backends } from '../../support/backends';
import { errorCodes, gql } from '../../support/graphql-client';
import { draft, startDesk, type Desk } from './workflow-fixture';

describe.each(backends())('top-level rubrics and free slugs (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'rubrics_slugs');
  });
  afterAll(() => desk?.fx.stop());

  const ds = () => desk.fx.app.dataSources.get('editorial')!;
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => gql(desk.fx.url, query, variables, desk.admin.headers);

  it('creates a rubric at the top level and moves one back to the top', async () => {
    const roots = await ds().getRepository(Rubric).countBy({ parentId: IsNull() });
    const created = await asAdmin(`mutation { createRubric(input: { name: "Sport" }) { id slugPath depth } }`);
    expect(errorCodes(created)).toEqual([]);
    expect(created.data.createRubric).toMatchObject({ slugPath: 'sport', depth: 0 });
    const sport = await ds().getRepository(Rubric).findOneByOrFail({ id: Number(created.data.createRubric.id) });
    // Placed after the existing top-level rubrics.
    expect({ parentId: sport.parentId, position: sport.position, treePath: sport.treePath }).toEqual({ parentId: null, position: roots, treePath: `/${sport.id}/` });

    const child = await asAdmin(`mutation { createRubric(input: { name: "Football" }, parentId: "${sport.id}") { id slugPath depth } }`);
    expect(child.data.createRubric).toMatchObject({ slugPath: 'sport/football', depth: 1 });
    const moved = await asAdmin(`mutation { moveRubric(id: "${child.data.createRubric.id}", parentId: null, position: 0) { slugPath depth } }`);
    expect(errorCodes(moved)).toEqual([]);
    expect(moved.data.moveRubric).toEqual({ slugPath: 'football', depth: 0 });
    const top = await ds().getRepository(Rubric).find({ where: { parentId: IsNull() }, order: { position: 'ASC', id: 'ASC' } });
    expect(top[0].slug).toBe('football');
    expect(top.map((r) => r.position)).toEqual(top.map((_, i) => i));
    const route = await gql(desk.fx.url, `{ route(path: "/sport/football") { __typename ... on Redirect { location } } }`);
    expect(route.data.route).toEqual({ __typename: 'Redirect', location: '/football' });
  });

  it('gives a second article with the same title the next free slug, and refuses only an explicit slug that is taken', async () => {
    const title = `Le budget ${backend} est voté`;
    const first = await draft(desk, desk.editor, { title });
    const second = await draft(desk, desk.editor, { title });
    const third = await draft(desk, desk.editor, { title });
    expect([first.slug, second.slug, third.slug]).toEqual([`le-budget-${backend}-est-vote`, `le-budget-${backend}-est-vote-2`, `le-budget-${backend}-est-vote-3`]);
    const explicit = await gql(
      desk.fx.url,
      `mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`,
      { input: { title, slug: first.slug, primaryRubricId: '2' } },
      desk.editor.headers,
    );
    expect(errorCodes(explicit)).toEqual(['BAD_USER_INPUT']);
    expect(explicit.errors![0].extensions!.fields).toEqual([{ field: 'slug', messages: [`"${first.slug}" is already taken`] }]);
  });

  it('gives concurrent articles with the same title distinct slugs', async () => {
    const title = `Dépêche simultanée ${backend}`;
    const created = await Promise.all([1, 2, 3, 4, 5].map(() => draft(desk, desk.editor, { title })));
    const base = `depeche-simultanee-${backend}`;
    expect(created.map((a) => a.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`]);
  });
});
