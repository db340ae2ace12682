import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ArticleStatusEnum } from './admin/article-admin.types';

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

  @Field(() => ArticleStatusEnum, { description: 'Lifecycle state (the public only ever sees PUBLISHED).' })
  status: ArticleStatusEnum;

  @Field(() => Int, { description: 'Increases with every save; send it back with `updateArticle`.' })
  version: number;

  @Field(() => Date, { nullable: true, description: 'Hidden from the public until then.' })
  embargoUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the scheduler will unpublish it.' })
  unpublishAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'In the trash since then (newsroom views only: a trashed article is invisible to everyone else); null otherwise.' })
  trashedAt: Date | null;
}
