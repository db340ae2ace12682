import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import { createRateLimiter, type RateLimiter, type RateRule } from '../limits/rate-limiter';
import { createMailer } from '../mail/create-mailer';
import type { Mailer } from '../mail/mailer';
import { createAccountsLoaders, type AccountsLoaders } from './accounts-loaders';
import { Argon2PasswordHasher, type PasswordHasher } from './password-hasher';

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

const runtimes = new WeakMap<DataSource, AccountsRuntime>();

/** What a runtime is built with; each defaults to the environment's choice. */
export type AccountsDependencies = { hasher?: PasswordHasher; limiter?: RateLimiter; mailer?: Mailer };

/**
 * What the accounts subgraph's resolvers and services share: its database, per-request
 * loaders, the mailer and the rate limiter. There is one runtime per data source, so code
 * holding the data source (tests, CLI scripts) reaches the same mailer and counters as the
 * resolvers.
 */
export class AccountsRuntime {
  readonly loaders: (ctx: RequestContext) => AccountsLoaders;
  /** Users who proved in this request that they own the account (login, register): they read its private fields. */
  readonly provenUsers: (ctx: RequestContext) => Set<number>;
  readonly hasher: PasswordHasher;
  private currentMailer: Mailer;
  private currentLimiter: RateLimiter | null;

  constructor(
    readonly dataSource: DataSource,
    deps: AccountsDependencies = {},
  ) {
    this.loaders = perRequest(() => createAccountsLoaders(dataSource));
    this.provenUsers = perRequest(() => new Set<number>());
    this.hasher = deps.hasher ?? new Argon2PasswordHasher();
    this.currentMailer = deps.mailer ?? createMailer();
    this.currentLimiter = deps.limiter ?? null;
  }

  static for(dataSource: DataSource): AccountsRuntime {
    let rt = runtimes.get(dataSource);
    if (!rt) {
      rt = new AccountsRuntime(dataSource);
      runtimes.set(dataSource, rt);
    }
    return rt;
  }

  get mailer(): Mailer {
    return this.currentMailer;
  }

  /** Created on first use, so printing the schema never connects to Redis. */
  get limiter(): RateLimiter {
    this.currentLimiter ??= createRateLimiter();
    return this.currentLimiter;
  }

  useMailer(mailer: Mailer): this {
    this.currentMailer = mailer;
    return this;
  }

  useRateLimiter(limiter: RateLimiter): this {
    this.currentLimiter = limiter;
    return this;
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
