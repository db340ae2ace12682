import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class ArticleChangesArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Page size, 0 to 1000.' })
  @Min(0)
  @Max(1000)
  first: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of your last sync; omit it to start from the first change.' })
  @IsOptional()
  @MaxLength(100)
  after?: string | null;
}
