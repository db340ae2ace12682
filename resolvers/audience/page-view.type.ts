import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PageViewReceipt', { description: 'What became of the views sent.' })
export class PageViewReceiptType {
  @Field(() => Int, { description: 'Views counted (written to the statistics within about a second).' })
  accepted: number;

  @Field(() => Int, { description: 'Views dropped: robots, unknown article ids, views older than 48 hours or in the future, and repeats (a client counts once per article in 30 minutes).' })
  ignored: number;
}
