import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Article', { description: 'A news article as readers see it.' })
@Directive('@key(fields: "id")')
export class ArticleType {
  @Field(() => ID)
  id: number;

  @Field({ description: 'Unique URL segment.' })
  slug: string;

  @Field(() => String, { nullable: true, description: 'Short label above the title ("Décryptage").' })
  kicker: string | null;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'The chapeau: the summary under the title.' })
  standfirst: string | null;

  @Field({ description: 'BCP 47 language of the text, e.g. "fr".' })
  language: string;

  @Field(() => Date, { nullable: true, description: 'When it was (or will be) published.' })
  publishedAt: Date | null;

  @Field(() => Date, { description: 'Last edit.' })
  updatedAt: Date;
}
