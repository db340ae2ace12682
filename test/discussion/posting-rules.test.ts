import { ServiceScope } from '../../src/auth/roles';
import { backends } from '../support/backends';
import { from, newIp, POST, prepareDiscussion, publishedArticleIds, unpublishedArticleId } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, serviceSignIn, signInAs, type SignedIn } from '../support/sign-in';

/** Attempts to get markup executed, plain and encoded, each followed by harmless words. */
const ATTACKS: Array<[string, string | null]> = [
  ['<script>alert(1)</script>Bonjour', 'Bonjour'],
  ['<SCRIPT SRC=https://evil.example/x.js></SCRIPT>Salut', 'Salut'],
  ['<img src=x onerror=alert(1)>Image', 'Image'],
  ['<a href="javascript:alert(1)">clique</a>', 'clique'],
  ['<a href="jav&#x09;ascript:alert(1)">tabulation</a>', 'tabulation'],
  ['&lt;script&gt;alert(1)&lt;/script&gt;encodé', 'encodé'],
  ['&#60;img src=x onerror=alert(1)&#62;décimal', 'décimal'],
  ['&#x3C;svg onload=alert(1)&#x3E;hexadécimal', 'hexadécimal'],
  ['&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;double', 'double'],
  ['<scr<script>ipt>alert(1)</scr</script>ipt>imbriqué', null],
  ['<<script>script>alert(1)<</script>/script>chevrons', null],
  ['<svg/onload=alert(1)>svg', 'svg'],
  ['<iframe src="javascript:alert(1)"></iframe>cadre', 'cadre'],
  ['<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">survol</div>', 'survol'],
  ['"><script>alert(1)</script>attribut', '">attribut'],
  ['texte puis <img src="x" onerror=\'alert(1)\'', 'texte puis'],
  ['<!-- <script>alert(1)</script> -->commentaire', 'commentaire'],
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['Lien piégé https://exemple.fr/"onmouseover="alert(1) ici', 'Lien piégé https://exemple.fr/"onmouseover="alert(1) ici'],
  ['a < b et c > d, 3 <4', 'a < b et c > d, 3 <4'],
  ['\u202Egnp.exe et \u0000nul', 'gnp.exe et nul'],
];

/** What we let through in bodyHtml: paragraphs, line breaks and http(s) links we wrote ourselves. */
const ALLOWED_TAG = /<p>|<\/p>|<br>|<a rel="nofollow ugc noopener" href="https?:\/\/[^"<>]*">|<\/a>/g;

function assertHarmless(body: string, html: string): void {
  expect(body).not.toMatch(/<[a-z!/?]/i);
  const leftover = html.replace(ALLOWED_TAG, '');
  expect(leftover).not.toMatch(/[<>]/);
  for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="https?:\/\//);
  expect(html).not.toMatch(/href="[^"]*"[^>]*\son\w+=/i);
}

describe.each(backends())('posting rules (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let articles: number[];
  let moderator: SignedIn;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'discussion_rules', 40);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    articles = await publishedArticleIds(fx, 10);
    moderator = await signInAs(fx, [Role.Moderator]);
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  const post = (input: Record<string, unknown>, headers: Record<string, string> = {}, ip = newIp()) => gql(fx.url, POST, { input }, from(ip, headers));
  let guestNo = 0;
  const asGuest = (articleId: number, body: string) => {
    guestNo += 1;
    return post({ articleId: String(articleId), body, guestName: `Invité ${guestNo}`, guestEmail: `invite${guestNo}@example.test` });
  };

  it('stores and serves script, event-handler and javascript: attempts, plain or encoded, as harmless text', async () => {
    const articleId = articles[0];
    const ids: string[] = [];
    for (const [attack, expected] of ATTACKS) {
      const res = await asGuest(articleId, attack);
      expect({ attack, errors: res.errors }).toEqual({ attack, errors: undefined });
      const { body, bodyHtml } = res.data.postComment;
      if (expected !== null) expect({ attack, body }).toEqual({ attack, body: expected });
      assertHarmless(body, bodyHtml);
      ids.push(res.data.postComment.id);
    }
    const stored: Array<{ body: string }> = await fx.app.dataSources.get('discussion')!.query(`SELECT body FROM comment WHERE articleId = ?`, [articleId]);
    for (const row of stored) expect(row.body).not.toMatch(/<[a-z!/?]/i);
    // Served to readers the same way once approved.
    await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids }, moderator.headers);
    const served = await gql(fx.url, `query($id: ID!) { article(id: $id) { comments(first: 50) { nodes { body bodyHtml guestName } } } }`, { id: String(articleId) });
    expect(served.data.article.comments.nodes).toHaveLength(ATTACKS.length);
    for (const node of served.data.article.comments.nodes) assertHarmless(node.body, node.bodyHtml);
    const link = served.data.article.comments.nodes.find((n: any) => n.body.startsWith('Lien piégé'));
    expect(link.bodyHtml).toBe(
      '<p>Lien piégé <a rel="nofollow ugc noopener" href="https://exemple.fr/">https://exemple.fr/</a>&quot;onmouseover=&quot;alert(1) ici</p>',
    );
    expect(served.data.article.comments.nodes.find((n: any) => n.body === 'javascript:alert(1)').bodyHtml).toBe('<p>javascript:alert(1)</p>');
    // Markup in a guest's name goes the same way.
    const named = await post({ articleId: String(articleId), body: 'Nom piégé.', guestName: '<img src=x onerror=alert(1)>Léa', guestEmail: 'lea@example.test' });
    expect(named.data.postComment.guestName).toBe('Léa');
  });

  it('renders paragraphs and at most two http(s) links', async () => {
    const res = await asGuest(articles[1], 'Deux sources :\nhttps://exemple.fr/a?x=1&y=2 et http://exemple.org/b.\n\n\n\nFin.');
    expect(res.data.postComment.body).toBe('Deux sources :\nhttps://exemple.fr/a?x=1&y=2 et http://exemple.org/b.\n\nFin.');
    expect(res.data.postComment.bodyHtml).toBe(
      '<p>Deux sources :<br><a rel="nofollow ugc noopener" href="https://exemple.fr/a?x=1&amp;y=2">https://exemple.fr/a?x=1&amp;y=2</a> et ' +
        '<a rel="nofollow ugc noopener" href="http://exemple.org/b">http://exemple.org/b</a>.</p><p>Fin.</p>',
    );
    for (const body of ['https://a.test/1 https://a.test/2 https://a.test/3', 'Voir www.exemple.com, lemonde.fr et https://a.test/x']) {
      const refused = await asGuest(articles[1], body);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_LINKS' });
    }
  });

  it('refuses empty, overlong and duplicate comments', async () => {
    const reader = await signInAs(fx, [], { label: 'dup' });
    const articleId = articles[2];
    const reason = async (input: Record<string, unknown>, headers = reader.headers) => (await post({ articleId: String(articleId), ...input }, headers)).errors?.[0]?.extensions;
    expect(await reason({ body: '<b> </b><script>x</script>' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_COMMENT' });
    expect(await reason({ body: 'é'.repeat(3001) })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG' });
    expect(await reason({ body: 'x'.repeat(20001) })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body', messages: expect.any(Array) }] });
    expect(await reason({ body: 'é'.repeat(3000) })).toBeUndefined();

    const first = await post({ articleId: String(articleId), body: 'Très bon article !' }, reader.headers);
    expect(await reason({ body: '  très bon   ARTICLE!!' })).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_COMMENT' });
    // Someone else may say the same, and so may the author elsewhere or after deleting it.
    expect(await reason({ body: 'Très bon article !' }, (await signInAs(fx)).headers)).toBeUndefined();
    expect((await post({ articleId: String(articles[3]), body: 'Très bon article !' }, reader.headers)).errors).toBeUndefined();
    await gql(fx.url, `mutation($id: ID!) { deleteComment(id: $id) { id } }`, { id: first.data.postComment.id }, reader.headers);
    expect(await reason({ body: 'Très bon article !' })).toBeUndefined();
  });

  it('refuses comments on unknown and unpublished articles, and from service tokens', async () => {
    const draft = await unpublishedArticleId(fx);
    const reader = await signInAs(fx);
    for (const articleId of [draft, 987654]) {
      const res = await post({ articleId: String(articleId), body: 'Je commente en avance.' }, reader.headers);
      expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', id: String(articleId) });
      const guest = await post({ articleId: String(articleId), body: 'Moi aussi.', guestName: 'Invité', guestEmail: 'avance@example.test' });
      expect(errorCodes(guest)).toEqual(['NOT_FOUND']);
    }
    const rows = await fx.app.dataSources.get('discussion')!.query('SELECT COUNT(*) AS n FROM comment WHERE articleId IN (?, ?)', [draft, 987654]);
    expect(Number(rows[0].n)).toBe(0);
    const admin = await signInAs(fx, [Role.Admin]);
    const service = await serviceSignIn(fx, admin, [ServiceScope.Export]);
    const res = await post({ articleId: String(articles[4]), body: 'Un robot.' }, service.headers);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SERVICE_TOKEN' });
  });

  it('throttles posting per user and per address, counting only attempts that could be written', async () => {
    const articleId = articles[5];
    const reader = await signInAs(fx, [], { label: 'prolific' });
    for (let i = 0; i < 5; i++) expect(errorCodes(await post({ articleId: String(articleId), body: `Message numéro ${i}` }, reader.headers))).toEqual([]);
    const sixth = await post({ articleId: String(articleId), body: 'Message numéro 6' }, reader.headers);
    expect(sixth.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(sixth.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);

    const ip = newIp();
    // Mistakes are free: twenty refused bodies do not use up the address's quota.
    for (let i = 0; i < 20; i++) expect(errorCodes(await post({ articleId: String(articleId), body: '<p></p>' }, {}, ip))).toEqual(['BAD_USER_INPUT']);
    for (let i = 0; i < 10; i++) {
      const input = { articleId: String(articleId), body: `Invité ${i} passe`, guestName: `Passant ${i}`, guestEmail: `passant${i}@example.test` };
      expect(errorCodes(await post(input, {}, ip))).toEqual([]);
    }
    const fromSameAddress = await post({ articleId: String(articleId), body: 'Un compte de plus, même adresse.' }, (await signInAs(fx)).headers, ip);
    expect(errorCodes(fromSameAddress)).toEqual(['TOO_MANY_REQUESTS']);
    expect(errorCodes(await post({ articleId: String(articleId), body: 'Ailleurs, ça passe.' }, (await signInAs(fx)).headers))).toEqual([]);
  });
});

describe.each(backends())('comments and the response cache (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'discussion_cache', 20, { responseCache: true });
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  it('purges cached pages when a comment appears or disappears', async () => {
    const [articleId] = await publishedArticleIds(fx, 1);
    const PAGE = `query($id: ID!) { article(id: $id) { title commentCount comments { nodes { body } } } }`;
    const read = async () => (await gql(fx.url, PAGE, { id: String(articleId) })).data.article;
    expect((await read()).commentCount).toBe(0);
    expect((await read()).commentCount).toBe(0);
    const editor = await signInAs(fx, [Role.Editor]);
    const moderator = await signInAs(fx, [Role.Moderator]);
    const posted = await gql(fx.url, POST, { input: { articleId: String(articleId), body: 'Publié aussitôt.' } }, from(newIp(), editor.headers));
    expect(posted.data.postComment.status).toBe('APPROVED');
    expect(await read()).toMatchObject({ commentCount: 1, comments: { nodes: [{ body: 'Publié aussitôt.' }] } });
    await gql(fx.url, `mutation($ids: [ID!]!) { rejectComments(ids: $ids) { id } }`, { ids: [posted.data.postComment.id] }, moderator.headers);
    expect(await read()).toMatchObject({ commentCount: 0, comments: { nodes: [] } });
  });
});
