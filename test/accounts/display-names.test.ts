import { User } from '../../entities/accounts/user.entity';
import { bootstrapAccount } from '../../src/accounts/account-bootstrap';
import { backends } from '../support/backends';
import { from, newIp, prepareDiscussion, publishedArticleIds } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, bearer, prepareAccounts, TEST_PASSWORD, uniqueEmail } from '../support/sign-in';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id displayName } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { id guestName author { id displayName } } }`;

const HOSTILE = '<img src=x onerror=alert(1)>Eve';

/** Names readers could try to get served as markup, and what every path must store and serve. */
const NAMES: Array<[string, string]> = [
  [HOSTILE, 'Eve'],
  ['&lt;script&gt;alert(1)&lt;/script&gt;Zoé', 'Zoé'],
  ['<b>Jean</b>   <i>Dupont</i>', 'Jean Dupont'],
  ['Tom &amp; Jerry', 'Tom & Jerry'],
  ['a < b', 'a < b'],
];

describe.each(backends())('one rule for every name a reader sets (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let articleId: number;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'display_names', 5);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    [articleId] = await publishedArticleIds(fx, 1);
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  const register = (displayName: string) =>
    gql(fx.url, REGISTER, { input: { email: uniqueEmail('named'), password: TEST_PASSWORD, displayName } }, from(newIp()));

  it.each(NAMES)('cleans the display name %j at registration, stores and serves %j', async (raw, clean) => {
    const res = await register(raw);
    expect(res.errors).toBeUndefined();
    expect(res.data.register.user.displayName).toBe(clean);
    const stored = await accountsDataSource(fx).getRepository(User).findOneByOrFail({ id: Number(res.data.register.user.id) });
    expect(stored.displayName).toBe(clean);
  });

  it('serves a hostile display name cleaned as the author of a comment, like a guest name', async () => {
    const account = await register(HOSTILE);
    const headers = from(newIp(), bearer(account.data.register.accessToken));
    const signed = await gql(fx.url, POST, { input: { articleId: String(articleId), body: 'Signé.' } }, headers);
    expect(signed.errors).toBeUndefined();
    expect(signed.data.postComment.author.displayName).toBe('Eve');
    const guest = await gql(fx.url, POST, { input: { articleId: String(articleId), body: 'Invitée.', guestName: HOSTILE, guestEmail: 'eve@example.test' } }, from(newIp()));
    expect(guest.errors).toBeUndefined();
    expect(guest.data.postComment.guestName).toBe('Eve');
  });

  it('refuses a name that is only markup, for accounts and guests alike', async () => {
    const account = await register('<img src=x onerror=alert(1)>');
    expect(errorCodes(account)).toEqual(['BAD_USER_INPUT']);
    expect(account.errors![0].extensions).toMatchObject({ argument: 'displayName' });
    const guest = await gql(fx.url, POST, { input: { articleId: String(articleId), body: 'Rien.', guestName: '<b></b>', guestEmail: 'vide@example.test' } }, from(newIp()));
    expect(errorCodes(guest)).toEqual(['BAD_USER_INPUT']);
    expect(guest.errors![0].extensions).toMatchObject({ argument: 'guestName' });
  });

  it('cleans names that an admin gives with create-account the same way', async () => {
    const user = await bootstrapAccount(accountsDataSource(fx), { email: uniqueEmail('admin'), password: TEST_PASSWORD, displayName: HOSTILE });
    expect(user.displayName).toBe('Eve');
  });
});
