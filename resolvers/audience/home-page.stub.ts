import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Editorial's home page entity, to which this subgraph adds "En ce moment". */
@ObjectType('HomePage')
@Directive('@key(fields: "id")')
export class HomePageStub {
  @Field(() => ID, { description: 'Always "home".' })
  id: string;
}
