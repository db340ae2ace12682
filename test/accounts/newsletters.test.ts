import { NewsletterSubscription } from '../../entities/accounts/newsletter-subscription.entity';
import { signAccessToken } from '../../src/auth/access-token';
import type { MemoryMailer } from '../../src/mail/mailer';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, prepareAccounts, signInAs, uniqueEmail, mailedToken } from '../support/sign-in';

const SUBSCRIBE = `mutation($n: String!, $e: String) { subscribeNewsletter(newsletter: $n, email: $e) }`;
const CONFIRM = `mutation($t: String!) { confirmNewsletterSubscription(token: $t) { slug name } }`;
const UNSUBSCRIBE = `mutation($t: String!) { unsubscribeNewsletter(token: $t) { slug } }`;


describe.each(backends())('newsletters with double opt-in (%s)', (backend) => {
  let fx: NewsroomFixture;
  let mailer: MemoryMailer;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'newsletters', 20);
    mailer = await prepareAccounts(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const subscription = (email: string) => accountsDataSource(fx).getRepository(NewsletterSubscription).findOneBy({ email });

  it('lists the newsletters to anyone', async () => {
    const res = await gql(fx.url, `{ newsletters { slug name description } }`);
    expect(res.data.newsletters.map((n: any) => n.name)).toEqual(['La matinale', 'Économie', 'Sports', 'Culture']);
  });

  it('subscribes an anonymous reader only once the mailed link is followed, and unsubscribes in one click', async () => {
    const email = uniqueEmail('lecteur');
    expect((await gql(fx.url, SUBSCRIBE, { n: 'economie', e: email })).data).toEqual({ subscribeNewsletter: true });
    expect((await subscription(email))?.status).toBe('pending');
    expect(mailer.last(email)?.subject).toBe('Confirmez votre inscription à « Économie »');

    const token = mailedToken(mailer, email, '/newsletters/confirmer');
    expect((await gql(fx.url, CONFIRM, { t: token })).data).toEqual({ confirmNewsletterSubscription: { slug: 'economie', name: 'Économie' } });
    expect((await subscription(email))?.status).toBe('confirmed');
    expect(errorCodes(await gql(fx.url, CONFIRM, { t: token }))).toEqual(['BAD_USER_INPUT']);

    // The welcome mail, like every newsletter mail, carries a signed unsubscribe link valid without login.
    const unsubscribe = mailedToken(mailer, email, '/newsletters/desinscription');
    expect((await gql(fx.url, UNSUBSCRIBE, { t: unsubscribe })).data).toEqual({ unsubscribeNewsletter: { slug: 'economie' } });
    expect((await subscription(email))?.status).toBe('unsubscribed');
    expect(errorCodes(await gql(fx.url, UNSUBSCRIBE, { t: unsubscribe }))).toEqual([]);

    // Subscribing again goes through the opt-in again.
    await gql(fx.url, SUBSCRIBE, { n: 'economie', e: email });
    expect((await subscription(email))?.status).toBe('pending');
    expect(errorCodes(await gql(fx.url, CONFIRM, { t: mailedToken(mailer, email, '/newsletters/confirmer') }))).toEqual([]);
    expect((await subscription(email))?.status).toBe('confirmed');
  });

  it('refuses forged or borrowed unsubscribe tokens', async () => {
    const email = uniqueEmail('victime');
    await gql(fx.url, SUBSCRIBE, { n: 'sports', e: email });
    await gql(fx.url, CONFIRM, { t: mailedToken(mailer, email, '/newsletters/confirmer') });
    const genuine = mailedToken(mailer, email, '/newsletters/desinscription');
    const [head, payload, signature] = genuine.split('.');
    const otherId = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'subscription:1' })).toString('base64url');
    const accessToken = await signAccessToken({ userId: 1, roles: [] });
    for (const token of [`${head}.${otherId}.${signature}`, `${genuine}x`, accessToken, 'nope']) {
      const res = await gql(fx.url, UNSUBSCRIBE, { t: token });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
    }
    expect((await subscription(email))?.status).toBe('confirmed');
  });

  it('subscribes a signed-in user with a verified address at once and lists their subscriptions', async () => {
    const user = await signInAs(fx, [], { label: 'abonne' });
    const res = await gql(fx.url, `mutation { subscribeNewsletter(newsletter: "culture") }`, {}, user.headers);
    expect(res.data).toEqual({ subscribeNewsletter: true });
    // Also subscribes the same address anonymously elsewhere: still double opt-in.
    await gql(fx.url, SUBSCRIBE, { n: 'sports', e: user.email });
    const mine = await gql(fx.url, `{ mySubscriptions { status newsletter { slug } } }`, {}, user.headers);
    expect(mine.data.mySubscriptions).toEqual([
      { status: 'PENDING', newsletter: { slug: 'sports' } },
      { status: 'CONFIRMED', newsletter: { slug: 'culture' } },
    ]);
    expect(mailer.last(user.email)?.subject).toMatch(/^Confirmez votre inscription à « Sports »/);
  });

  it('answers NOT_FOUND for an unknown newsletter and BAD_USER_INPUT without an address', async () => {
    expect(errorCodes(await gql(fx.url, SUBSCRIBE, { n: 'inconnue', e: uniqueEmail() }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(fx.url, SUBSCRIBE, { n: 'sports' }))).toEqual(['BAD_USER_INPUT']);
  });
});
