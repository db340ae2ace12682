import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ServiceToken } from '../../entities/accounts/service-token.entity';
import { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { ServiceTokenService, type ServiceAccess } from '../../src/accounts/service-token.service';
import { Role } from '../../src/auth/roles';
import type { RequestContext } from '../../src/context/request-context';
import { CreateServiceTokenArgs, ExchangeServiceTokenArgs, ServiceTokenIdArgs } from './service-token.inputs';
import { CreatedServiceTokenType, ServiceAccessTokenType, ServiceTokenType } from './service-token.type';
import { toId } from '../../src/graphql/ids';

@Resolver(() => ServiceTokenType)
export class ServiceTokenResolver {
  constructor(private readonly rt: AccountsRuntime) {}

  @Authorized(Role.Admin)
  @Query(() => [ServiceTokenType], { description: 'Every service token, newest first, revoked ones included (admins).' })
  serviceTokens(@Ctx() ctx: RequestContext): Promise<ServiceToken[]> {
    return new ServiceTokenService(this.rt, ctx).list();
  }

  @Authorized(Role.Admin)
  @Mutation(() => CreatedServiceTokenType, { description: 'Creates a service token for a job (admins); its secret is returned this once.' })
  createServiceToken(@Args() { name, scopes }: CreateServiceTokenArgs, @Ctx() ctx: RequestContext) {
    return new ServiceTokenService(this.rt, ctx).create(name, scopes);
  }

  @Authorized(Role.Admin)
  @Mutation(() => ServiceTokenType, { description: 'Revokes a service token (admins): it can no longer be exchanged. Idempotent.' })
  revokeServiceToken(@Args() { id }: ServiceTokenIdArgs, @Ctx() ctx: RequestContext): Promise<ServiceToken> {
    return new ServiceTokenService(this.rt, ctx).revoke(toId(id));
  }

  @Mutation(() => ServiceAccessTokenType, {
    description: 'Trades a service token secret for a 15-minute access token with its scopes. UNAUTHENTICATED if the secret is wrong or revoked.',
  })
  exchangeServiceToken(@Args() { secret }: ExchangeServiceTokenArgs, @Ctx() ctx: RequestContext): Promise<ServiceAccess> {
    return new ServiceTokenService(this.rt, ctx).exchange(secret);
  }
}
