import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccountRecoveryService } from '../../src/accounts/account-recovery.service';
import { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { AuthService } from '../../src/accounts/auth.service';
import type { Session } from '../../src/accounts/session-issuer';
import { PERSON } from '../../src/auth/auth-checker';
import type { RequestContext } from '../../src/context/request-context';
import { AuthPayloadType } from './auth-payload.type';
import { ChangePasswordArgs, EmailArgs, LoginArgs, RefreshTokenArgs, RegisterInput, ResetPasswordArgs, TokenArgs } from './auth.inputs';

/** Sessions and the mailed-link flows. Everything here but two mutations works without signing in. */
@Resolver()
export class AuthResolver {
  constructor(private readonly rt: AccountsRuntime) {}

  @Mutation(() => AuthPayloadType, {
    description: 'Creates an account and signs it in. A verification link is mailed; some features wait for it. CONFLICT if the email is taken.',
  })
  register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: RequestContext): Promise<Session> {
    return new AuthService(this.rt, ctx).register(input);
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Signs in. UNAUTHENTICATED "Invalid email or password" for any wrong pair; TOO_MANY_REQUESTS (with `retryAfterSeconds`) after repeated failures.',
  })
  login(@Args() { email, password }: LoginArgs, @Ctx() ctx: RequestContext): Promise<Session> {
    return new AuthService(this.rt, ctx).login(email, password);
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Trades a refresh token for a new access token and refresh token; the one given stops working. Reusing it signs that login out everywhere.',
  })
  refreshSession(@Args() { refreshToken }: RefreshTokenArgs, @Ctx() ctx: RequestContext): Promise<Session> {
    return new AuthService(this.rt, ctx).refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Signs out the login this refresh token belongs to. Always true.' })
  logout(@Args() { refreshToken }: RefreshTokenArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new AuthService(this.rt, ctx).logout(refreshToken);
  }

  @Authorized(PERSON)
  @Mutation(() => AuthPayloadType, { description: 'Changes your password, signs out every other session and returns a new one.' })
  changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: RequestContext): Promise<Session> {
    return new AuthService(this.rt, ctx).changePassword(currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: 'Mails a password-reset link (valid one hour) if the address has an account. Always true.' })
  requestPasswordReset(@Args() { email }: EmailArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new AccountRecoveryService(this.rt, ctx).requestPasswordReset(email);
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password with the mailed token and signs out every session. BAD_USER_INPUT if the token is unknown, expired or already used.',
  })
  resetPassword(@Args() { token, newPassword }: ResetPasswordArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new AccountRecoveryService(this.rt, ctx).resetPassword(token, newPassword);
  }

  @Authorized(PERSON)
  @Mutation(() => Boolean, { description: 'Mails you a new email-verification link (valid 24 hours). True, and nothing sent, if already verified.' })
  requestEmailVerification(@Ctx() ctx: RequestContext): Promise<boolean> {
    return new AccountRecoveryService(this.rt, ctx).requestEmailVerification();
  }

  @Mutation(() => Boolean, { description: 'Confirms an email address with the mailed token. BAD_USER_INPUT if unknown, expired or already used.' })
  verifyEmail(@Args() { token }: TokenArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new AccountRecoveryService(this.rt, ctx).verifyEmail(token);
  }
}
