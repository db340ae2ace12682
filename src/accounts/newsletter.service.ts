import { Not } from 'typeorm';
import { Newsletter } from '../../entities/accounts/newsletter.entity';
import { NewsletterSubscription } from '../../entities/accounts/newsletter-subscription.entity';
import { User } from '../../entities/accounts/user.entity';
import { requireUser } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { AppError, badInput, ErrorCode, notFound } from '../errors/app-error';
import { accountMails } from './account-mails';
import { normalizeEmail } from './account-fields';
import type { AccountsRuntime } from './accounts-runtime';
import { isDuplicateKey } from '../db/duplicate-key';
import { newSecret, secretHash } from './secrets';
import { readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-link';

export const SUBSCRIPTION_CONFIRM_TTL_SECONDS = 7 * 24 * 3600;

const unusableToken = () => badInput('This link is invalid, expired or already used', { argument: 'token', reason: 'INVALID_TOKEN' });
const emailNotVerified = () =>
  new AppError(ErrorCode.Forbidden, 'Confirm your email address first (see the mail we sent, or ask for a new one)', { reason: 'EMAIL_NOT_VERIFIED' });

/**
 * Newsletter subscriptions with double opt-in: an address is subscribed only once the link
 * mailed to it comes back, whoever typed it in. A signed-in user whose email is verified
 * has already proved that, so subscribing their own address takes effect at once. Every
 * mail carries a one-click unsubscribe link that needs no login.
 */
export class NewsletterService {
  constructor(
    private readonly rt: AccountsRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  list(): Promise<Newsletter[]> {
    return this.ds.getRepository(Newsletter).find({ order: { position: 'ASC', id: 'ASC' } });
  }

  /**
   * Without `email`, subscribes the signed-in user's own (verified) address. Always answers
   * true for a known newsletter: whether the address was already subscribed is not revealed.
   */
  async subscribe(newsletterSlug: string, rawEmail?: string | null): Promise<boolean> {
    const account = await this.signedInAccount();
    if (!rawEmail && !account) throw badInput('Give an email address, or sign in', { argument: 'email' });
    if (!rawEmail && account && !account.emailVerifiedAt) throw emailNotVerified();
    const email = rawEmail ? normalizeEmail(rawEmail) : account!.email;
    const newsletter = await this.ds.getRepository(Newsletter).findOneBy({ slug: newsletterSlug });
    if (!newsletter) throw notFound('Newsletter', { slug: newsletterSlug });

    const ownVerified = Boolean(account?.emailVerifiedAt && account.email === email);
    const token = ownVerified ? null : newSecret();
    const now = this.ctx.now;
    const fields = {
      userId: account && account.email === email ? account.id : null,
      status: ownVerified ? ('confirmed' as const) : ('pending' as const),
      confirmTokenHash: token ? secretHash(token) : null,
      confirmExpiresAt: token ? new Date(now.getTime() + SUBSCRIPTION_CONFIRM_TTL_SECONDS * 1000) : null,
      confirmedAt: ownVerified ? now : null,
      unsubscribedAt: null,
    };
    const repo = this.ds.getRepository(NewsletterSubscription);
    const existing = await repo.findOneBy({ newsletterId: newsletter.id, email });
    if (existing?.status === 'confirmed') return true;
    let id: number;
    try {
      id = await this.ds.transaction(async (m) => {
        const r = m.getRepository(NewsletterSubscription);
        if (existing) {
          await r.update(existing.id, fields);
          return existing.id;
        }
        const row = r.create({ newsletterId: newsletter.id, email, createdAt: now, ...fields });
        await r.insert(row);
        return row.id;
      });
    } catch (err) {
      if (isDuplicateKey(err)) return true; // the same address subscribed concurrently
      throw err;
    }
    const unsubscribe = await signUnsubscribeToken(id);
    await this.rt.sendMail(
      token
        ? accountMails.confirmSubscription(email, newsletter.name, token, unsubscribe)
        : accountMails.subscriptionConfirmed(email, newsletter.name, unsubscribe),
    );
    return true;
  }

  async confirm(token: string): Promise<Newsletter> {
    const repo = this.ds.getRepository(NewsletterSubscription);
    const row = await repo.findOneBy({ confirmTokenHash: secretHash(token) });
    const now = this.ctx.now;
    if (!row || row.status !== 'pending' || !row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime()) throw unusableToken();
    const newsletter = await this.newsletterOf(row);
    const confirmed = await this.ds.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(NewsletterSubscription)
        .set({ status: 'confirmed', confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
        .where('id = :id AND confirmTokenHash = :hash', { id: row.id, hash: row.confirmTokenHash })
        .execute();
      return (result.affected ?? 0) === 1;
    });
    if (!confirmed) throw unusableToken();
    await this.rt.sendMail(accountMails.subscriptionConfirmed(row.email, newsletter.name, await signUnsubscribeToken(row.id)));
    return newsletter;
  }

  /** One-click unsubscribe from a mailed link; idempotent. */
  async unsubscribe(token: string): Promise<Newsletter> {
    const id = await readUnsubscribeToken(token);
    const row = id ? await this.ds.getRepository(NewsletterSubscription).findOneBy({ id }) : null;
    if (!row) throw badInput('This unsubscribe link is invalid', { argument: 'token', reason: 'INVALID_TOKEN' });
    if (row.status !== 'unsubscribed') {
      const now = this.ctx.now;
      await this.ds.transaction((m) =>
        m.getRepository(NewsletterSubscription).update(row.id, { status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null }),
      );
    }
    return this.newsletterOf(row);
  }

  /** The signed-in user's subscriptions (by their verified address), pending or confirmed. */
  async mine(): Promise<NewsletterSubscription[]> {
    const viewer = requireUser(this.ctx);
    const user = await this.ds.getRepository(User).findOneBy({ id: viewer.userId });
    if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Account no longer exists');
    // Unverified, the address may be someone else's: their subscriptions are not this user's to see.
    if (!user.emailVerifiedAt) throw emailNotVerified();
    return this.ds.getRepository(NewsletterSubscription).find({
      where: { email: user.email, status: Not('unsubscribed') },
      order: { newsletterId: 'ASC' },
    });
  }

  private async signedInAccount(): Promise<User | null> {
    const viewer = this.ctx.viewer;
    if (viewer?.kind !== 'user') return null;
    return this.ds.getRepository(User).findOneBy({ id: viewer.userId });
  }

  private async newsletterOf(row: NewsletterSubscription): Promise<Newsletter> {
    const newsletter = await this.rt.loaders(this.ctx).newsletterById.load(row.newsletterId);
    if (!newsletter) throw notFound('Newsletter');
    return newsletter;
  }
}
