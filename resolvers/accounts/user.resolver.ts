import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { User } from '../../entities/accounts/user.entity';
import { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { UserAdminService } from '../../src/accounts/user-admin.service';
import { canReadPrivate } from '../../src/accounts/user-policy';
import { Role } from '../../src/auth/roles';
import { requireUser } from '../../src/auth/viewer-guards';
import { PERSON } from '../../src/auth/auth-checker';
import type { RequestContext } from '../../src/context/request-context';
import { AppError, ErrorCode } from '../../src/errors/app-error';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { RoleEnum } from './account-enums';
import { RoleChangeArgs } from './user.inputs';
import { UserConnectionType, UserType } from './user.type';
import { toId } from '../../src/graphql/ids';

@Resolver(() => UserType)
export class UserResolver {
  constructor(private readonly rt: AccountsRuntime) {}

  @Authorized(PERSON)
  @Query(() => UserType, { description: 'The signed-in user. UNAUTHENTICATED without a valid token; FORBIDDEN for service tokens.' })
  async me(@Ctx() ctx: RequestContext): Promise<User> {
    const viewer = requireUser(ctx);
    const user = await this.rt.loaders(ctx).userById.load(viewer.userId);
    if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Account no longer exists');
    return user;
  }

  @Authorized(Role.Admin)
  @Query(() => UserConnectionType, { description: 'Every account, oldest first (admins).' })
  users(@Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<User>> {
    return new UserAdminService(this.rt, ctx).users(first, after);
  }

  @Authorized(Role.Admin)
  @Mutation(() => UserType, { description: 'Grants a role (admins). Granting a role the user has is a no-op.' })
  grantRole(@Args() { userId, role }: RoleChangeArgs, @Ctx() ctx: RequestContext): Promise<User> {
    return new UserAdminService(this.rt, ctx).grantRole(toId(userId, 'userId'), role);
  }

  @Authorized(Role.Admin)
  @Mutation(() => UserType, {
    description: 'Revokes a role (admins). CONFLICT when it would leave no admin. Takes full effect when their access token expires (15 minutes).',
  })
  revokeRole(@Args() { userId, role }: RoleChangeArgs, @Ctx() ctx: RequestContext): Promise<User> {
    return new UserAdminService(this.rt, ctx).revokeRole(toId(userId, 'userId'), role);
  }

  private canReadPrivate(user: User, ctx: RequestContext): boolean {
    return canReadPrivate(ctx, this.rt.provenUsers(ctx), user.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Email address; null unless you are this user or an admin.' })
  email(@Root() user: User, @Ctx() ctx: RequestContext): string | null {
    return this.canReadPrivate(user, ctx) ? user.email : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the email address was confirmed; null unless you are this user or an admin.' })
  emailVerified(@Root() user: User, @Ctx() ctx: RequestContext): boolean | null {
    return this.canReadPrivate(user, ctx) ? user.emailVerifiedAt !== null : null;
  }

  @FieldResolver(() => [RoleEnum], { nullable: true, description: 'Roles, `READER` included; null unless you are this user or an admin.' })
  async roles(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Role[] | null> {
    if (!this.canReadPrivate(user, ctx)) return null;
    return [Role.Reader, ...(await this.rt.loaders(ctx).rolesByUserId.load(user.id))];
  }
}

@Resolver(() => UserConnectionType)
export class UserConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of accounts; counted only when selected.' })
  totalCount(@Root() page: ConnectionPage<unknown>): Promise<number> {
    return page.totalCount();
  }
}
