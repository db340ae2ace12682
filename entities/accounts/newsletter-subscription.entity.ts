import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * One address on one newsletter. Double opt-in: a subscription stays `pending` until the
 * token mailed to the address comes back. Unsubscribing keeps the row (status
 * `unsubscribed`) so a later subscription reuses it.
 */
@Entity({ name: 'newsletter_subscription' })
@Index('uq_newsletter_subscription', ['newsletterId', 'email'], { unique: true })
@Index('uq_newsletter_subscription_token', ['confirmTokenHash'], { unique: true })
@Index('ix_newsletter_subscription_email', ['email'])
@Index('ix_newsletter_subscription_user', ['userId'])
export class NewsletterSubscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  newsletterId: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The account that subscribed, when a signed-in user subscribed their own address. */
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 20 })
  status: SubscriptionStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  confirmTokenHash: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  confirmExpiresAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  unsubscribedAt: Date | null;
}
