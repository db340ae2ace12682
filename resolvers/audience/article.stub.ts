import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Editorial's Article as the audience subgraph knows it: its key. Rankings and the change
 * feed return these stubs and the gateway resolves every other field from editorial; this
 * subgraph adds the readership fields.
 */
@ObjectType('Article')
@Directive('@key(fields: "id")')
export class ArticleStub {
  @Field(() => ID)
  id: number;
}
