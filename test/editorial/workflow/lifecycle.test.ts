import { Article } from '../../../entities/editorial/article.entity';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import { backends } from '../../support/backends';
import { errorCodes, gql } from '../../support/graphql-client';
import { draft, move, startDesk, type Desk } from './workflow-fixture';

describe.each(backends())('article lifecycle (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'lifecycle');
  });
  afterAll(() => desk?.fx.stop());

  it('lets each role make exactly its transitions', async () => {
    const { journalist, otherJournalist, editor, reader } = desk;
    const a = await draft(desk, journalist);
    expect(a.status).toBe('DRAFT');
    // Another journalist cannot touch it; a reader cannot even try.
    expect(await move(desk, otherJournalist, 'submitArticle', a.id)).toBe('FORBIDDEN');
    expect(await move(desk, reader, 'submitArticle', a.id)).toBe('FORBIDDEN');
    // Invalid transitions are explained, not silently ignored.
    expect(await move(desk, editor, 'publishArticle', a.id)).toBe('BAD_USER_INPUT');
    expect(await move(desk, journalist, 'submitArticle', a.id)).toBe('IN_REVIEW');
    // Only an editor reviews.
    expect(await move(desk, journalist, 'approveArticle', a.id)).toBe('FORBIDDEN');
    expect(await move(desk, editor, 'requestArticleChanges', a.id)).toBe('CHANGES_REQUESTED');
    expect(await move(desk, journalist, 'submitArticle', a.id)).toBe('IN_REVIEW');
    expect(await move(desk, editor, 'approveArticle', a.id)).toBe('APPROVED');
    expect(await move(desk, journalist, 'publishArticle', a.id)).toBe('FORBIDDEN');
    expect(await move(desk, editor, 'publishArticle', a.id)).toBe('PUBLISHED');
    expect(await move(desk, journalist, 'unpublishArticle', a.id)).toBe('FORBIDDEN');
    expect(await move(desk, editor, 'unpublishArticle', a.id)).toBe('UNPUBLISHED');
    expect(await move(desk, editor, 'transitionArticle', a.id, ', to: ARCHIVED')).toBe('ARCHIVED');
    expect(await move(desk, editor, 'transitionArticle', a.id, ', to: DRAFT')).toBe('BAD_USER_INPUT');
    const audit = await desk.fx.app.dataSources.get('editorial')!.getRepository(EditorialAuditEntry).find({ where: { entityType: 'article', entityId: Number(a.id) }, order: { id: 'ASC' } });
    expect(audit.map((e) => e.action)).toEqual([
      'article.create', 'article.submit', 'article.requestChanges', 'article.submit', 'article.approve', 'article.publish', 'article.unpublish', 'article.archive',
    ]);
    expect(audit.every((e) => e.userId !== null && e.createdAt instanceof Date)).toBe(true);
  });

  it('keeps authors out of articles once they leave their hands', async () => {
    const a = await draft(desk, desk.journalist);
    await move(desk, desk.journalist, 'submitArticle', a.id);
    const res = await gql(desk.fx.url, `mutation { updateArticle(id: "${a.id}", version: 2, input: { title: "Nouveau titre" }) { title } }`, {}, desk.journalist.headers);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('gives one of two racing editors the save and the other a CONFLICT carrying the current version', async () => {
    const a = await draft(desk, desk.editor);
    const save = (title: string) =>
      gql(desk.fx.url, `mutation($t: String) { updateArticle(id: "${a.id}", version: ${a.version}, input: { title: $t }) { title version } }`, { t: title }, desk.editor.headers);
    const [one, two] = await Promise.all([save('Version de Leïla'), save('Version de Karim')]);
    const results = [one, two];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(errorCodes(losers[0])).toEqual(['CONFLICT']);
    expect(losers[0].errors![0].extensions!.currentVersion).toBe(a.version + 1);
    const row = await desk.fx.app.dataSources.get('editorial')!.getRepository(Article).findOneByOrFail({ id: Number(a.id) });
    expect(row.title).toBe(winners[0].data.updateArticle.title);
    expect(row.version).toBe(a.version + 1);
    // The loser retries on top of the winner's version: nothing is lost.
    const retry = await gql(desk.fx.url, `mutation { updateArticle(id: "${a.id}", version: ${row.version}, input: { standfirst: "Fusion des deux" }) { title standfirst } }`, {}, desk.editor.headers);
    expect(retry.data.updateArticle).toEqual({ title: row.title, standfirst: 'Fusion des deux' });
  });

  it('keeps a revision per save, diffs two field by field and restores one', async () => {
    const a = await draft(desk, desk.editor, { title: 'Titre d’origine' });
    const v2 = await gql(desk.fx.url, `mutation { updateArticle(id: "${a.id}", version: ${a.version}, input: { title: "Titre révisé", tagIds: ["1", "2"] }) { version } }`, {}, desk.editor.headers);
    const diff = await gql(desk.fx.url, `{ articleRevisionDiff(id: "${a.id}", from: 1, to: 2) { field before after } }`, {}, desk.editor.headers);
    expect(diff.data.articleRevisionDiff).toEqual([
      { field: 'title', before: 'Titre d’origine', after: 'Titre révisé' },
      { field: 'tagIds', before: [], after: [1, 2] },
    ]);
    const restored = await gql(
      desk.fx.url,
      `mutation { restoreArticleRevision(id: "${a.id}", revision: 1, version: ${v2.data.updateArticle.version}) { title tags { id } revisions { number note changedFields } } }`,
      {},
      desk.editor.headers,
    );
    expect(restored.data.restoreArticleRevision.title).toBe('Titre d’origine');
    expect(restored.data.restoreArticleRevision.tags).toEqual([]);
    expect(restored.data.restoreArticleRevision.revisions[0]).toEqual({ number: 3, note: 'restored revision 1', changedFields: ['title', 'tagIds'] });
    const asReader = await gql(desk.fx.url, `{ adminArticle(id: "${a.id}") { revisions { number } } }`, {}, desk.reader.headers);
    expect(errorCodes(asReader)).toEqual(['FORBIDDEN']);
  });
});
