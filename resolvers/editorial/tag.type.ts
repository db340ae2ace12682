import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Tag', { description: 'A subject that groups articles across rubrics.' })
@Directive('@key(fields: "id")')
export class TagType {
  @Field(() => ID)
  id: number;

  @Field()
  slug: string;

  @Field()
  name: string;
}
