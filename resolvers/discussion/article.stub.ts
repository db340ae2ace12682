import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Editorial's Article as the discussion subgraph knows it: its key and nothing else. This
 * subgraph adds the comment fields; the gateway reaches them with an article editorial
 * resolved, so only articles readers can see get here.
 */
@ObjectType('Article')
@Directive('@key(fields: "id")')
export class ArticleStub {
  @Field(() => ID)
  id: number;
}
