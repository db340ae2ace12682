import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import type { RateLimiter, RateRule } from '../limits/rate-limiter';
import type { Mailer } from '../mail/mailer';
import { createAccountsLoaders, type AccountsLoaders } from './accounts-loaders';
import type { PasswordHasher } from './password-hasher';

/** Throttles of the accounts subgraph: [events, window in seconds]. */
export const ACCOUNT_LIMITS = {
  /** Failed logins per account (by normalised email, known or not). */
  loginPerAccount: [5, 15 * 60],
  /** Failed logins per client address. */
  loginPerIp: [20, 15 * 60],
  /** Wrong current passwords given to changePassword, per user. */
  passwordCheckPerUser: [5, 15 * 60],
  /** Wrong service token secrets per client address. */
  serviceExchangePerIp: [20, 15 * 60],
  /** Registrations per client address. */
  registerPerIp: [50, 60 * 60],
  /** Mails (reset, verification, newsletter confirmation) per recipient; beyond, mail is dropped silently. */
  mailPerRecipient: [5, 60 * 60],
} satisfies Record<string, RateRule>;

/** What the accounts runtime is built from; the composition root (accounts.subgraph.ts) fills in what configuration leaves out. */
export type AccountsParts = { hasher: PasswordHasher; limiter: RateLimiter; mailer: Mailer };

/**
 * What the accounts subgraph's resolvers and services share: its database, per-request
 * loaders, the password hasher, the mailer and the rate limiter. Built once per running
 * subgraph by its composition root; whoever needs the same mailer or counters (tests, the
 * CLI) gets this instance from there, never by looking it up from the data source.
 */
export class AccountsRuntime {
  readonly loaders: (ctx: RequestContext) => AccountsLoaders;
  /** Users who proved in this request that they own the account (login, register): they read its private fields. */
  readonly provenUsers: (ctx: RequestContext) => Set<number>;
  readonly hasher: PasswordHasher;
  readonly mailer: Mailer;
  readonly limiter: RateLimiter;

  constructor(
    readonly dataSource: DataSource,
    parts: AccountsParts,
  ) {
    this.loaders = perRequest(() => createAccountsLoaders(dataSource));
    this.provenUsers = perRequest(() => new Set<number>());
    this.hasher = parts.hasher;
    this.mailer = parts.mailer;
    this.limiter = parts.limiter;
  }

  /** Sends a mail unless its recipient already got too many this hour; delivery failures are logged, never shown. */
  async sendMail(mail: { to: string; subject: string; text: string }): Promise<void> {
    const decision = await this.limiter.consume(`mail:${mail.to}`, ACCOUNT_LIMITS.mailPerRecipient);
    if (!decision.allowed) return;
    try {
      await this.mailer.send(mail);
    } catch (err) {
      // The code and message only: a transport error can quote the message, and its links carry tokens.
      const { code, message } = err as { code?: string; message?: string };
      console.error(`[mail] delivery failed: ${code ?? 'ERROR'} ${String(message ?? '').split('\n')[0].slice(0, 200)}`);
    }
  }
}
