import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Author', { description: 'A byline: a journalist or contributor.' })
@Directive('@key(fields: "id")')
export class AuthorType {
  @Field(() => ID)
  id: number;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  bio: string | null;
}
