import { ServiceToken } from '../../entities/accounts/service-token.entity';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from '../auth/access-token';
import { ServiceScope } from '../auth/roles';
import type { RequestContext } from '../context/request-context';
import { AppError, badInput, ErrorCode, notFound } from '../errors/app-error';
import { ACCOUNT_LIMITS, type AccountsRuntime } from './accounts-runtime';
import { tooManyRequests } from './auth.service';
import { newSecret, secretHash } from './secrets';
import { UserAdminService } from './user-admin.service';

/** Service token secrets start with this, so secret scanners and people recognise them. */
export const SERVICE_SECRET_PREFIX = 'nrst_';

export type ServiceAccess = { accessToken: string; expiresAt: Date; scopes: ServiceScope[] };

/**
 * Credentials for jobs (analytics, exports). An admin creates one with scopes and receives
 * its secret once; the job exchanges the secret for a short-lived scoped access token that
 * every subgraph verifies offline. Revoking stops further exchanges; access tokens already
 * issued expire within 15 minutes.
 */
export class ServiceTokenService {
  constructor(
    private readonly rt: AccountsRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get repo() {
    return this.rt.dataSource.getRepository(ServiceToken);
  }

  async create(name: string, scopes: ServiceScope[]): Promise<{ serviceToken: ServiceToken; secret: string }> {
    const adminId = await new UserAdminService(this.rt, this.ctx).requireStoredAdmin();
    const cleanName = name.trim();
    if (!cleanName) throw badInput('The name cannot be blank', { argument: 'name' });
    const uniqueScopes = [...new Set(scopes)].sort();
    if (!uniqueScopes.length) throw badInput('Give at least one scope', { argument: 'scopes' });
    const secret = SERVICE_SECRET_PREFIX + newSecret();
    const serviceToken = this.repo.create({
      name: cleanName,
      scopes: uniqueScopes,
      secretHash: secretHash(secret),
      createdById: adminId,
      createdAt: this.ctx.now,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.rt.dataSource.transaction((m) => m.getRepository(ServiceToken).insert(serviceToken));
    return { serviceToken, secret };
  }

  async revoke(id: number): Promise<ServiceToken> {
    await new UserAdminService(this.rt, this.ctx).requireStoredAdmin();
    const token = await this.repo.findOneBy({ id });
    if (!token) throw notFound('Service token', { id: String(id) });
    if (!token.revokedAt) {
      token.revokedAt = this.ctx.now;
      await this.rt.dataSource.transaction((m) => m.getRepository(ServiceToken).update(id, { revokedAt: token.revokedAt }));
    }
    return token;
  }

  /** Every service token, newest first (there are few). */
  async list(): Promise<ServiceToken[]> {
    await new UserAdminService(this.rt, this.ctx).requireStoredAdmin();
    return this.repo.find({ order: { id: 'DESC' } });
  }

  /** Trades a secret for a scoped access token. Wrong and revoked secrets get the same answer; both are throttled per address. */
  async exchange(secret: string): Promise<ServiceAccess> {
    // Counted before the lookup (atomically), given back on success: only failures use the budget.
    const key = `service-exchange:ip:${this.ctx.ip}`;
    const decision = await this.rt.limiter.consume(key, ACCOUNT_LIMITS.serviceExchangePerIp);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    const token = secret.startsWith(SERVICE_SECRET_PREFIX) ? await this.repo.findOneBy({ secretHash: secretHash(secret) }) : null;
    if (!token || token.revokedAt) {
      throw new AppError(ErrorCode.Unauthenticated, 'Invalid or revoked service token', { reason: 'INVALID_SERVICE_TOKEN' });
    }
    await this.rt.limiter.refund(key, ACCOUNT_LIMITS.serviceExchangePerIp);
    await this.rt.dataSource.transaction((m) => m.getRepository(ServiceToken).update(token.id, { lastUsedAt: this.ctx.now }));
    const scopes = token.scopes.filter((s) => Object.values(ServiceScope).includes(s));
    const accessToken = await signAccessToken({ serviceTokenId: token.id, scopes });
    return { accessToken, expiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000), scopes };
  }
}
