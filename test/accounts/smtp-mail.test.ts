import { SMTPServer } from 'smtp-server';
import { seedAccountsDemo } from '../../src/accounts/accounts-seed';
import { SmtpMailer } from '../../src/mail/smtp-mailer';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { linkToken, readMail, type ReadMail } from '../support/mime';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, TEST_PASSWORD, uniqueEmail } from '../support/sign-in';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { emailVerified displayName } } }`;

/** A real SMTP server on loopback that requires a login and keeps every message it accepts. */
async function startSmtpSink() {
  const received: Array<{ from: string; to: string[]; raw: string }> = [];
  const logins: string[] = [];
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    // Loopback only, no certificate: STARTTLS off, and a login allowed without TLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`);
      if (auth.username === 'journal' && auth.password === 's3cret') return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    logins,
    /** The first message to `to` whose subject matches, once it has arrived. */
    async mailTo(to: string, subject: RegExp): Promise<ReadMail> {
      for (;;) {
        const found = received.map((m) => ({ m, mail: readMail(m.raw) })).find(({ m, mail }) => m.to.includes(to) && subject.test(mail.subject));
        if (found) return found.mail;
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(backends())('mail over SMTP (%s)', (backend) => {
  let fx: NewsroomFixture;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    mailer = SmtpMailer.fromUrl(`smtp://journal:s3cret@127.0.0.1:${smtp.port}`, 'Le Journal <no-reply@journal.test>');
    fx = await startNewsroomFixture(backend, 'smtp_mail', 5, { subgraphs: { accounts: { mailer } } });
    await seedAccountsDemo(accountsDataSource(fx));
  });
  afterAll(async () => {
    await mailer?.close();
    await fx?.stop();
    await smtp?.close();
  });

  it('delivers a verification mail and a reset mail whose links work, accents intact', async () => {
    const email = uniqueEmail('smtp');
    const registered = await gql(fx.url, REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'Hélène Dupré-Çelik' } });
    expect(registered.errors).toBeUndefined();

    const verification = await smtp.mailTo(email, /Confirmez/);
    expect(smtp.logins).toContain('journal:s3cret');
    expect(verification.subject).toBe('Confirmez votre adresse e-mail');
    expect(verification.headers.from).toBe('Le Journal <no-reply@journal.test>');
    expect(verification.text).toContain('Bonjour Hélène Dupré-Çelik,');
    expect(verification.text).toContain('Si vous n’avez pas créé de compte');
    expect(await gql(fx.url, VERIFY, { t: linkToken(verification.text, '/compte/verifier-email') })).toMatchObject({ data: { verifyEmail: true } });

    expect((await gql(fx.url, REQUEST_RESET, { e: email })).data.requestPasswordReset).toBe(true);
    const reset = await smtp.mailTo(email, /Réinitialisation/);
    expect(reset.subject).toBe('Réinitialisation de votre mot de passe');
    expect(reset.text).toContain('ouvrez ce lien (valable une heure, une seule fois)');
    const token = linkToken(reset.text, '/compte/nouveau-mot-de-passe');
    expect(errorCodes(await gql(fx.url, RESET, { t: token, p: 'Nouveau-mot-de-passe-42' }))).toEqual([]);
    expect(errorCodes(await gql(fx.url, RESET, { t: token, p: 'Encore-un-autre-mot-43' }))).toEqual(['BAD_USER_INPUT']);

    const login = await gql(fx.url, LOGIN, { e: email, p: 'Nouveau-mot-de-passe-42' });
    expect(login.data.login.user).toEqual({ emailVerified: true, displayName: 'Hélène Dupré-Çelik' });
  });
});
