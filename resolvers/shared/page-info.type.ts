import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Relay pagination state of a connection (forward pagination with `first`/`after`).' })
@Directive('@shareable')
export class PageInfoType {
  @Field({ description: 'Whether more items follow the last edge.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether this page was requested after a cursor.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after` for the next page.' })
  endCursor: string | null;
}
