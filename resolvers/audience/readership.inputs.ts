import { IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ReadershipWindow } from '../../src/audience/readership.service';
import { ReadershipWindowEnum } from './audience-enums';

const RUBRIC_ID = /^[1-9]\d{0,9}$/;

@ArgsType()
export class TrendingArgs {
  @Field(() => ID, { nullable: true, description: 'Only articles of this rubric or the rubrics below it.' })
  @IsOptional()
  @Matches(RUBRIC_ID, { message: 'rubricId must be a rubric id' })
  rubricId?: string | null;

  @Field(() => Int, { defaultValue: 10, description: 'How many, 1 to 50.' })
  @Min(1)
  @Max(50)
  limit: number;
}

@ArgsType()
export class MostReadArgs extends TrendingArgs {
  @Field(() => ReadershipWindowEnum, { defaultValue: ReadershipWindow.Day, description: 'The period counted.' })
  window: ReadershipWindow;
}

@ArgsType()
export class HomeTrendingArgs {
  @Field(() => Int, { defaultValue: 5, description: 'How many, 1 to 20.' })
  @Min(1)
  @Max(20)
  limit: number;
}
