import { Field, ID, ObjectType } from 'type-graphql';
import { SubscriptionStatusEnum } from './account-enums';

@ObjectType('Newsletter', { description: 'A newsletter readers can subscribe to ("La matinale", thematic letters).' })
export class NewsletterType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field({ description: 'Identifier used to subscribe, e.g. "la-matinale".' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What it contains and how often.' })
  description: string | null;
}

@ObjectType('NewsletterSubscription', { description: 'One of the signed-in user’s newsletter subscriptions.' })
export class NewsletterSubscriptionType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field(() => SubscriptionStatusEnum, { description: 'Pending until the mailed link is followed, then confirmed.' })
  status: string;

  @Field({ description: 'When the subscription was first requested.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the address confirmed it.' })
  confirmedAt: Date | null;
}
