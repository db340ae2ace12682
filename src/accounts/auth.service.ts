import { isDuplicateKey } from '../db/duplicate-key';
import { AccountToken } from '../../entities/accounts/account-token.entity';
import { RefreshToken } from '../../entities/accounts/refresh-token.entity';
import { User } from '../../entities/accounts/user.entity';
import { requireUser } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { AppError, badInput, ErrorCode } from '../errors/app-error';
import { accountMails } from './account-mails';
import { cleanDisplayName } from '../text/display-name';
import { assertAcceptablePassword, normalizeEmail } from './account-fields';
import { ACCOUNT_LIMITS, type AccountsRuntime } from './accounts-runtime';
import { newSecret, secretHash } from './secrets';
import { issueSession, markReplaced, revokeAllSessions, revokeFamily, type Session } from './session-issuer';

export const EMAIL_VERIFICATION_TTL_SECONDS = 24 * 3600;

const invalidCredentials = () => new AppError(ErrorCode.Unauthenticated, 'Invalid email or password', { reason: 'INVALID_CREDENTIALS' });
const invalidRefresh = (reason: string, message = 'Invalid or expired refresh token') => new AppError(ErrorCode.Unauthenticated, message, { reason });

export function tooManyRequests(retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.TooManyRequests, 'Too many attempts; try again later', { retryAfterSeconds });
}

/**
 * Sessions: registering, logging in and out, refreshing and changing one's password. Login
 * failures look the same whether the email is unknown or the password wrong (same message,
 * same argon2 cost) and are throttled per account and per client address.
 */
export class AuthService {
  constructor(
    private readonly rt: AccountsRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  async register(input: { email: string; password: string; displayName: string }): Promise<Session> {
    const email = normalizeEmail(input.email);
    const displayName = cleanDisplayName(input.displayName, 'displayName');
    assertAcceptablePassword(input.password, 'password', email);
    const decision = await this.rt.limiter.consume(`register:ip:${this.ctx.ip}`, ACCOUNT_LIMITS.registerPerIp);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    if (await this.ds.getRepository(User).existsBy({ email })) throw this.emailTaken();
    const passwordHash = await this.rt.hasher.hash(input.password);
    const verifyToken = newSecret();
    const now = this.ctx.now;
    let session: Session;
    try {
      session = await this.ds.transaction(async (m) => {
        const user = m.getRepository(User).create({ email, passwordHash, displayName, emailVerifiedAt: null, createdAt: now, updatedAt: now });
        await m.getRepository(User).insert(user);
        await m.getRepository(AccountToken).insert({
          userId: user.id,
          purpose: 'verify_email',
          tokenHash: secretHash(verifyToken),
          createdAt: now,
          expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_SECONDS * 1000),
          usedAt: null,
        });
        return issueSession(m, user, now);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw this.emailTaken();
      throw err;
    }
    this.rt.provenUsers(this.ctx).add(session.user.id);
    await this.rt.sendMail(accountMails.verifyEmail(email, displayName, verifyToken));
    return session;
  }

  /**
   * Every attempt is counted, per account and per client address, BEFORE the password is
   * checked: the count is one atomic increment, so of N concurrent attempts on one account
   * at most the budget's worth ever reach the hasher, and a locked account refuses even the
   * right password until the window ends. A success clears the account's count and gives
   * its point back to the address.
   */
  async login(rawEmail: string, password: string): Promise<Session> {
    const email = normalizeEmail(rawEmail);
    const accountKey = `login:account:${email}`;
    const ipKey = `login:ip:${this.ctx.ip}`;
    const decisions = await Promise.all([
      this.rt.limiter.consume(accountKey, ACCOUNT_LIMITS.loginPerAccount),
      this.rt.limiter.consume(ipKey, ACCOUNT_LIMITS.loginPerIp),
    ]);
    const blocked = decisions.filter((d) => !d.allowed);
    if (blocked.length) throw tooManyRequests(Math.max(...blocked.map((d) => d.retryAfterSeconds)));

    const hasher = this.rt.hasher;
    const user = await this.ds.getRepository(User).findOneBy({ email });
    const ok = user ? await hasher.verify(user.passwordHash, password) : (await hasher.burn(password), false);
    if (!user || !ok) throw invalidCredentials();
    await Promise.all([this.rt.limiter.reset(accountKey, ACCOUNT_LIMITS.loginPerAccount), this.rt.limiter.refund(ipKey, ACCOUNT_LIMITS.loginPerIp)]);
    const rehash = hasher.needsRehash(user.passwordHash) ? await hasher.hash(password) : null;
    const session = await this.ds.transaction(async (m) => {
      if (rehash) await m.getRepository(User).update(user.id, { passwordHash: rehash, updatedAt: this.ctx.now });
      return issueSession(m, user, this.ctx.now);
    });
    this.rt.provenUsers(this.ctx).add(user.id);
    return session;
  }

  /**
   * Rotates a refresh token. A token already replaced coming back means two parties hold
   * it: the whole family (this login's every token) is revoked and both must log in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const now = this.ctx.now;
    const token = await this.ds.getRepository(RefreshToken).findOneBy({ tokenHash: secretHash(refreshToken) });
    if (!token || token.expiresAt.getTime() <= now.getTime()) throw invalidRefresh('INVALID');
    if (token.revokedAt) throw invalidRefresh('REVOKED', 'Refresh token revoked');
    const reused = () => invalidRefresh('REUSED', 'Refresh token already used; this login was signed out everywhere');
    if (token.replacedAt) {
      await revokeFamily(this.ds, token.familyId, now);
      throw reused();
    }
    const user = await this.ds.getRepository(User).findOneBy({ id: token.userId });
    if (!user) throw invalidRefresh('INVALID');
    const session = await this.ds.transaction(async (m) => {
      if (!(await markReplaced(m, token.id, now))) return null;
      return issueSession(m, user, now, token.familyId);
    });
    if (!session) {
      await revokeFamily(this.ds, token.familyId, now);
      throw reused();
    }
    this.rt.provenUsers(this.ctx).add(user.id);
    return session;
  }

  /** Revokes the login a refresh token belongs to. Idempotent, and silent about unknown tokens. */
  async logout(refreshToken: string): Promise<boolean> {
    const token = await this.ds.getRepository(RefreshToken).findOneBy({ tokenHash: secretHash(refreshToken) });
    if (token) await this.ds.transaction((m) => revokeFamily(m, token.familyId, this.ctx.now));
    return true;
  }

  /** Changes the password, signs out every other session and returns a fresh one. */
  async changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    const viewer = requireUser(this.ctx);
    const user = await this.ds.getRepository(User).findOneBy({ id: viewer.userId });
    if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Account no longer exists');
    assertAcceptablePassword(newPassword, 'newPassword', user.email);
    if (newPassword === currentPassword) throw badInput('The new password must differ from the current one', { argument: 'newPassword' });
    // Counted before the check, like logins, so concurrent guesses cannot all be evaluated.
    const key = `password:user:${user.id}`;
    const decision = await this.rt.limiter.consume(key, ACCOUNT_LIMITS.passwordCheckPerUser);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    if (!(await this.rt.hasher.verify(user.passwordHash, currentPassword))) {
      throw badInput('The current password is incorrect', { argument: 'currentPassword' });
    }
    await this.rt.limiter.reset(key, ACCOUNT_LIMITS.passwordCheckPerUser);
    const passwordHash = await this.rt.hasher.hash(newPassword);
    const now = this.ctx.now;
    return this.ds.transaction(async (m) => {
      await m.getRepository(User).update(user.id, { passwordHash, updatedAt: now });
      await revokeAllSessions(m, user.id, now);
      return issueSession(m, { ...user, passwordHash }, now);
    });
  }

  private emailTaken(): AppError {
    return new AppError(ErrorCode.Conflict, 'An account already uses this email', { argument: 'email' });
  }
}
