import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class ArticleLookupArgs {
  @Field(() => String, { nullable: true, description: 'Current or former slug.' })
  @IsOptional()
  @MaxLength(160)
  slug?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  id?: string | null;
}

@ArgsType()
export class RelatedArgs {
  @Field(() => Int, { defaultValue: 4, description: 'How many (1 to 20).' })
  @Min(1)
  @Max(20)
  first: number;
}
