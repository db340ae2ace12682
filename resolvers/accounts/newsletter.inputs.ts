import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { EMAIL_MAX } from '../../src/accounts/account-fields';

@ArgsType()
export class SubscribeNewsletterArgs {
  @Field({ description: 'Slug of the newsletter, e.g. "la-matinale".' })
  @Length(1, 80)
  newsletter: string;

  @Field(() => String, {
    nullable: true,
    description: 'Address to subscribe. Omit it when signed in with a verified email to subscribe your own, at once.',
  })
  @IsOptional()
  @MaxLength(EMAIL_MAX)
  @IsEmail()
  email?: string | null;
}
