import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('MagazineIssue', { description: 'An issue of the print magazine ("En kiosque").' })
@Directive('@key(fields: "id")')
export class MagazineIssueType {
  @Field(() => ID)
  id: number;

  @Field(() => Int)
  number: number;

  @Field()
  title: string;

  @Field({ description: 'Day it reaches the news-stands (YYYY-MM-DD).' })
  onSaleDate: string;
}
