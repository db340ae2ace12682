import { IsNull, MoreThan, type Repository } from 'typeorm';
import { AccountToken, type AccountTokenPurpose } from '../../entities/accounts/account-token.entity';
import { User } from '../../entities/accounts/user.entity';
import { requireUser } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { badInput } from '../errors/app-error';
import { accountMails } from './account-mails';
import { assertAcceptablePassword, normalizeEmail } from './account-fields';
import type { AccountsRuntime } from './accounts-runtime';
import { EMAIL_VERIFICATION_TTL_SECONDS } from './auth.service';
import { newSecret, secretHash } from './secrets';
import { revokeAllSessions } from './session-issuer';

export const PASSWORD_RESET_TTL_SECONDS = 3600;

/**
 * One answer for every unusable token (unknown, expired, already used): the holder can do
 * nothing about the difference, and naming it would help someone guessing tokens.
 */
const unusableToken = () => badInput('This link is invalid, expired or already used', { argument: 'token', reason: 'INVALID_TOKEN' });

/**
 * Proving control of an email address with one-time mailed tokens: email verification and
 * password reset. Tokens are stored hashed; using one is a conditional update, so a token
 * presented twice at the same instant still works only once.
 */
export class AccountRecoveryService {
  constructor(
    private readonly rt: AccountsRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  /** Always true: whether the email has an account is not revealed. */
  async requestPasswordReset(rawEmail: string): Promise<boolean> {
    const user = await this.ds.getRepository(User).findOneBy({ email: normalizeEmail(rawEmail) });
    if (!user) return true;
    const token = await this.ds.transaction((m) => this.createToken(m.getRepository(AccountToken), user.id, 'reset_password', PASSWORD_RESET_TTL_SECONDS));
    await this.rt.sendMail(accountMails.resetPassword(user.email, token));
    return true;
  }

  /** Sets a new password, marks the email verified (the mail reached its owner) and signs out every session. */
  async resetPassword(token: string, newPassword: string): Promise<boolean> {
    const row = await this.usableToken(token, 'reset_password');
    const user = await this.ds.getRepository(User).findOneBy({ id: row.userId });
    if (!user) throw unusableToken();
    assertAcceptablePassword(newPassword, 'newPassword', user.email);
    const passwordHash = await this.rt.hasher.hash(newPassword);
    const now = this.ctx.now;
    await this.ds.transaction(async (m) => {
      await this.consume(m.getRepository(AccountToken), row.id);
      await m.getRepository(User).update(user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now });
      await revokeAllSessions(m, user.id, now);
    });
    return true;
  }

  /** Mails a fresh verification link to the signed-in user; true also when already verified (nothing sent). */
  async requestEmailVerification(): Promise<boolean> {
    const viewer = requireUser(this.ctx);
    const user = await this.ds.getRepository(User).findOneBy({ id: viewer.userId });
    if (!user || user.emailVerifiedAt) return true;
    const token = await this.ds.transaction((m) => this.createToken(m.getRepository(AccountToken), user.id, 'verify_email', EMAIL_VERIFICATION_TTL_SECONDS));
    await this.rt.sendMail(accountMails.verifyEmail(user.email, user.displayName, token));
    return true;
  }

  /** Works without signing in: the link is opened from a mail client. */
  async verifyEmail(token: string): Promise<boolean> {
    const row = await this.usableToken(token, 'verify_email');
    const now = this.ctx.now;
    await this.ds.transaction(async (m) => {
      await this.consume(m.getRepository(AccountToken), row.id);
      await m.getRepository(User).update(row.userId, { emailVerifiedAt: now, updatedAt: now });
    });
    return true;
  }

  private async createToken(repo: Repository<AccountToken>, userId: number, purpose: AccountTokenPurpose, ttlSeconds: number): Promise<string> {
    const now = this.ctx.now;
    // A new link supersedes the earlier ones of the same purpose.
    await repo.update({ userId, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
    const token = newSecret();
    await repo.insert({ userId, purpose, tokenHash: secretHash(token), createdAt: now, expiresAt: new Date(now.getTime() + ttlSeconds * 1000), usedAt: null });
    return token;
  }

  private async usableToken(token: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    const row = await this.ds.getRepository(AccountToken).findOneBy({ tokenHash: secretHash(token), purpose });
    if (!row || row.usedAt || row.expiresAt.getTime() <= this.ctx.now.getTime()) throw unusableToken();
    return row;
  }

  private async consume(repo: Repository<AccountToken>, id: number): Promise<void> {
    const result = await repo
      .createQueryBuilder()
      .update(AccountToken)
      .set({ usedAt: this.ctx.now })
      .where('id = :id AND usedAt IS NULL', { id })
      .execute();
    if ((result.affected ?? 0) !== 1) throw unusableToken();
  }
}
