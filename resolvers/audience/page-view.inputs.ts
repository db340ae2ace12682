import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

@InputType('PageViewInput', { description: 'One reader viewing one article.' })
export class PageViewInput {
  @Field(() => ID, { description: 'The article viewed.' })
  @Matches(/^[1-9]\d{0,9}$/, { message: 'articleId must be an article id' })
  articleId: string;

  @Field(() => Date, { nullable: true, description: 'When, if not now (views older than 48 hours are ignored).' })
  @IsOptional()
  viewedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The reader's user agent, for servers sending views on readers' behalf (service tokens with the INGEST scope); others' requests are judged by their own.",
  })
  @IsOptional()
  @MaxLength(512)
  userAgent?: string | null;
}

@ArgsType()
export class RecordPageViewsArgs {
  @Field(() => [PageViewInput], { description: 'The views: at most 100 per call, 1000 with an INGEST service token.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  views: PageViewInput[];
}
