import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Rubric', { description: 'A section of the site; rubrics nest to any depth.' })
@Directive('@key(fields: "id")')
export class RubricType {
  @Field(() => ID)
  id: number;

  @Field({ description: 'URL segment, unique among siblings.' })
  slug: string;

  @Field({ name: 'slugPath', description: 'Slug path from the top, e.g. "monde/ameriques"; unique. Pass it to `rubric(slug:)`.' })
  path: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int, { description: '0 for a top-level rubric.' })
  depth: number;

  @Field(() => Int, { description: 'Order among siblings in menus.' })
  position: number;
}
