import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: the `endCursor` of the previous page.' })
  after?: string | null;
}
