import { ServiceScope } from '../../src/auth/roles';
import { ArticleChangeLog, ChangeKind } from '../../src/audience/article-change-log';
import { RankingCache } from '../../src/audience/ranking-cache';
import { createDataSource } from '../../src/db/data-source';
import { recordEvent } from '../../src/events/event-outbox';
import { audienceSubgraph } from '../../src/subgraphs/audience.subgraph';
import { backends } from '../support/backends';
import { audienceDataSource, audienceRuntime, audienceTestConfig } from '../support/audience';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, serviceSignIn, signInAs, type SignedIn } from '../support/sign-in';

const CHANGES = `query($after: String, $first: Int!) {
  articleChanges(after: $after, first: $first) {
    nodes { cursor articleId kind changedAt deleted article { id title } }
    pageInfo { hasNextPage endCursor }
    latestCursor
  }
}`;

type Node = { cursor: string; articleId: string; kind: string; deleted: boolean; article: { id: string; title: string } | null };

const seqOf = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))[0] as number;

describe.each(backends())('article change feed (%s)', (backend) => {
  let fx: NewsroomFixture;
  let analyst: SignedIn;
  let editor: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'audience_changes', 40, { subgraphs: { audience: audienceTestConfig() } });
    await prepareAccounts(fx);
    analyst = await signInAs(fx, [Role.Analyst]);
    editor = await signInAs(fx, [Role.Editor]);
    admin = await signInAs(fx, [Role.Admin]);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const feed = async (after: string | null, first = 100, headers = analyst.headers) => {
    const res = await gql(fx.url, CHANGES, { after, first }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.articleChanges as { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; latestCursor: string | null };
  };
  const asEditor = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(fx.url, query, variables, editor.headers);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('sees inserts, edits, unpublishing and deletions between two calls, each article once, nothing else', async () => {
    const start = (await feed(null, 0)).latestCursor;
    const editorial = fx.app.dataSources.get('editorial')!;
    const published: Array<{ id: number; version: number }> = await editorial.query(
      `SELECT id, version FROM article WHERE status = 'published' AND embargoUntil IS NULL ORDER BY id LIMIT 3`,
    );
    const [edited, unpublished, deleted] = published.map((p) => ({ id: Number(p.id), version: Number(p.version) }));
    const [rubric] = await editorial.query('SELECT id FROM rubric ORDER BY id LIMIT 1');

    const created = (await asEditor(`mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }`, {
      input: { title: 'Un nouvel article', primaryRubricId: String(rubric.id), body: [{ type: 'paragraph', text: 'Du texte.' }] },
    })).createArticle;
    for (const step of ['submitArticle', 'approveArticle', 'publishArticle']) await asEditor(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id: created.id });
    await asEditor(`mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, version: $v, input: $input) { id } }`, {
      id: String(edited.id),
      v: edited.version,
      input: { title: 'Titre corrigé' },
    });
    // Edited twice: still one change, the latest.
    await asEditor(`mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, version: $v, input: $input) { id } }`, {
      id: String(edited.id),
      v: edited.version + 1,
      input: { title: 'Titre corrigé deux fois' },
    });
    await asEditor(`mutation($id: ID!) { unpublishArticle(id: $id) { id } }`, { id: String(unpublished.id) });
    // Deleted as editors do: to the trash, then purged by an admin (the feed keeps the latest change, the tombstone).
    await asEditor(`mutation($id: ID!) { trashArticle(id: $id) { id } }`, { id: String(deleted.id) });
    const purged = await gql(fx.url, `mutation($id: ID!) { purgeArticle(id: $id) }`, { id: String(deleted.id) }, admin.headers);
    expect(purged.errors).toBeUndefined();

    const page = await feed(start);
    const summary = page.nodes.map((n) => ({ id: Number(n.articleId), kind: n.kind, deleted: n.deleted, title: n.article?.title ?? null }));
    expect(summary).toEqual([
      { id: Number(created.id), kind: 'PUBLISHED', deleted: false, title: 'Un nouvel article' },
      { id: edited.id, kind: 'UPDATED', deleted: false, title: 'Titre corrigé deux fois' },
      { id: unpublished.id, kind: 'UNPUBLISHED', deleted: false, title: null },
      { id: deleted.id, kind: 'DELETED', deleted: true, title: null },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.latestCursor).toBe(page.pageInfo.endCursor);
    // The next sync starts from the end of this one: nothing new.
    const next = await feed(page.pageInfo.endCursor);
    expect(next.nodes).toEqual([]);
    expect(next.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    // Page by page, the same changes in the same order.
    const walked: string[] = [];
    let after = start;
    for (;;) {
      const one = await feed(after, 1);
      walked.push(...one.nodes.map((n) => n.articleId));
      if (!one.pageInfo.hasNextPage) break;
      after = one.pageInfo.endCursor;
    }
    expect(walked).toEqual(page.nodes.map((n) => n.articleId));
    // A tombstone stays a tombstone, whatever arrives late.
    await fx.app.dataSources.get('editorial')!.transaction((m) => recordEvent(m, { type: 'article.updated', articleId: deleted.id }));
    await fx.app.settleEvents();
    const late = await feed(page.pageInfo.endCursor);
    expect(late.nodes.map((n) => [Number(n.articleId), n.kind, n.deleted])).toEqual([[deleted.id, 'DELETED', true]]);
  });

  it('has no gaps or repeats while several processes write and a job reads', async () => {
    // On MySQL, two more runtimes on their own connection pools to the same database, as other
    // processes would be. (better-sqlite3 blocks the whole thread while it waits for a lock, so
    // SQLite connections cannot wait on one another inside one process: there the writers are
    // concurrent requests to the one runtime.)
    const others = await Promise.all(
      (backend === 'mysql' ? [1, 2] : []).map(async () => {
        const ds = await createDataSource({ subgraph: 'audience', entities: audienceSubgraph.entities, migrations: audienceSubgraph.migrations, target: fixtureTarget(fx) });
        await ds.initialize();
        return { ds, changes: new ArticleChangeLog(ds, new RankingCache(() => 0)) };
      }),
    );
    const shared = audienceRuntime(fx).changes;
    const writers = backend === 'mysql' ? [shared, ...others.map((o) => o.changes)] : [shared, shared, shared];
    const start = (await feed(null, 0)).latestCursor;
    const written: Array<{ articleId: number; seq: number }> = [];
    let writing = true;
    const write = async (changes: ArticleChangeLog, w: number) => {
      for (let round = 0; round < 15; round++) {
        await Promise.all(
          [0, 1, 2, 3].map(async (k) => {
            // Mostly new articles; some shared by every writer, to mix updates of one row in.
            const articleId = (round + k) % 5 === 0 ? 900_000 + k : 1_000_000 + w * 10_000 + round * 10 + k;
            written.push({ articleId, seq: (await changes.record(articleId, ChangeKind.Updated))! });
          }),
        );
      }
    };
    const writes = Promise.all(writers.map((changes, w) => write(changes, w))).finally(() => (writing = false));
    const seen: Array<{ articleId: number; seq: number }> = [];
    let after = start;
    for (;;) {
      const wasWriting = writing;
      const page = await feed(after, 7);
      for (const n of page.nodes) seen.push({ articleId: Number(n.articleId), seq: seqOf(n.cursor) });
      after = page.pageInfo.endCursor ?? after;
      if (!wasWriting && !page.pageInfo.hasNextPage) break;
    }
    await writes;
    for (const other of others) await other.ds.destroy();

    // Numbers only ever grow along the feed: no change is read twice.
    const seqs = seen.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    // Every change written was read, at its number or as a later change of the same article.
    const lastSeen = new Map<number, number>();
    for (const s of seen) lastSeen.set(s.articleId, Math.max(lastSeen.get(s.articleId) ?? 0, s.seq));
    const missed = written.filter((w) => (lastSeen.get(w.articleId) ?? 0) < w.seq);
    expect(missed).toEqual([]);
    expect(written).toHaveLength(3 * 15 * 4);
  });

  it('is for analysts, admins and READ or EXPORT service tokens only', async () => {
    const reader = await signInAs(fx, []);
    const read = await serviceSignIn(fx, admin, [ServiceScope.Read]);
    const exporter = await serviceSignIn(fx, admin, [ServiceScope.Export]);
    const ingest = await serviceSignIn(fx, admin, [ServiceScope.Ingest]);
    const codes = async (headers: Record<string, string>) => errorCodes(await gql(fx.url, CHANGES, { first: 1 }, headers));
    expect(await codes({})).toEqual(['UNAUTHENTICATED']);
    expect(await codes(reader.headers)).toEqual(['FORBIDDEN']);
    expect(await codes(editor.headers)).toEqual(['FORBIDDEN']);
    expect(await codes(ingest.headers)).toEqual(['FORBIDDEN']);
    for (const headers of [analyst.headers, admin.headers, read.headers, exporter.headers]) expect(await codes(headers)).toEqual([]);
    expect(errorCodes(await gql(fx.url, CHANGES, { first: 1001 }, analyst.headers))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, CHANGES, { first: 1, after: 'garbage' }, analyst.headers))).toEqual(['BAD_USER_INPUT']);
  });
});

function fixtureTarget(fx: NewsroomFixture) {
  const ds = audienceDataSource(fx);
  const options = ds.options as { type: string; database?: string; url?: string };
  return options.type === 'better-sqlite3'
    ? { kind: 'sqlite' as const, file: String(options.database) }
    : { kind: 'mysql' as const, url: String(options.url), database: new URL(String(options.url)).pathname.slice(1) };
}

