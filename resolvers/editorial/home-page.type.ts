import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ArticleType } from './article.type';
import { RubricType } from './rubric.type';

@ObjectType('HeadlineBlock', { description: '"À la une": the lead story and the stories beside it.' })
export class HeadlineBlockType {
  @Field(() => ArticleType, { nullable: true, description: 'The lead story.' })
  lead: unknown;

  @Field(() => [ArticleType], { description: 'The secondary stories, in the editors’ order.' })
  secondary: unknown[];
}

@ObjectType('RubricBlock', { description: 'A home-page block for one top-level rubric: its latest stories, descendants included.' })
export class RubricBlockType {
  @Field(() => RubricType)
  rubric: unknown;

  @Field(() => [ArticleType])
  articles: unknown[];
}

@ObjectType('HomePage', {
  description: 'The home page in one request. Other subgraphs add their blocks to it (trending, comment counts).',
})
@Directive('@key(fields: "id")')
export class HomePageType {
  @Field(() => ID, { description: 'Always "home".' })
  id: string;
}
