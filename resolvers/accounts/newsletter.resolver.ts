import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Newsletter } from '../../entities/accounts/newsletter.entity';
import type { NewsletterSubscription } from '../../entities/accounts/newsletter-subscription.entity';
import { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { NewsletterService } from '../../src/accounts/newsletter.service';
import { PERSON } from '../../src/auth/auth-checker';
import type { RequestContext } from '../../src/context/request-context';
import { notFound } from '../../src/errors/app-error';
import { TokenArgs } from './auth.inputs';
import { SubscribeNewsletterArgs } from './newsletter.inputs';
import { NewsletterSubscriptionType, NewsletterType } from './newsletter.type';

@Resolver(() => NewsletterSubscriptionType)
export class NewsletterResolver {
  constructor(private readonly rt: AccountsRuntime) {}

  @Query(() => [NewsletterType], { description: 'The newsletters one can subscribe to.' })
  newsletters(@Ctx() ctx: RequestContext): Promise<Newsletter[]> {
    return new NewsletterService(this.rt, ctx).list();
  }

  @Authorized(PERSON)
  @Query(() => [NewsletterSubscriptionType], {
    description: 'Your pending and confirmed subscriptions. FORBIDDEN (reason EMAIL_NOT_VERIFIED) until your email is verified.',
  })
  mySubscriptions(@Ctx() ctx: RequestContext): Promise<NewsletterSubscription[]> {
    return new NewsletterService(this.rt, ctx).mine();
  }

  @Mutation(() => Boolean, {
    description:
      'Subscribes an address: a confirmation link is mailed to it (double opt-in). Signed in with a verified email and no `email` given, your own address is subscribed at once. Always true.',
  })
  subscribeNewsletter(@Args() { newsletter, email }: SubscribeNewsletterArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new NewsletterService(this.rt, ctx).subscribe(newsletter, email);
  }

  @Mutation(() => NewsletterType, { description: 'Confirms a subscription with the mailed token; returns the newsletter. BAD_USER_INPUT if unusable.' })
  confirmNewsletterSubscription(@Args() { token }: TokenArgs, @Ctx() ctx: RequestContext): Promise<Newsletter> {
    return new NewsletterService(this.rt, ctx).confirm(token);
  }

  @Mutation(() => NewsletterType, { description: 'One-click unsubscribe with the signed link of a newsletter mail; no sign-in needed. Returns the newsletter left.' })
  unsubscribeNewsletter(@Args() { token }: TokenArgs, @Ctx() ctx: RequestContext): Promise<Newsletter> {
    return new NewsletterService(this.rt, ctx).unsubscribe(token);
  }

  @FieldResolver(() => NewsletterType, { description: 'The newsletter.' })
  async newsletter(@Root() subscription: NewsletterSubscription, @Ctx() ctx: RequestContext): Promise<Newsletter> {
    const newsletter = await this.rt.loaders(ctx).newsletterById.load(subscription.newsletterId);
    if (!newsletter) throw notFound('Newsletter');
    return newsletter;
  }
}
