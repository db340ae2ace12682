import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('BodyBlockInput', {
  description: 'One body block. `type` is paragraph, heading, quote, image, embed or list; the other fields apply by type.',
})
export class BodyBlockInput {
  @Field()
  @MaxLength(20)
  type: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'Heading level, 2 or 3.' })
  level?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  attribution?: string | null;

  @Field(() => ID, { nullable: true, description: 'Image blocks: the media library image.' })
  mediaId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  caption?: string | null;

  @Field(() => String, { nullable: true, description: 'Embed blocks: e.g. "youtube".' })
  @IsOptional()
  @MaxLength(60)
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'Embed blocks: an https URL.' })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'List blocks: numbered or not.' })
  ordered?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'List blocks: the items.' })
  @IsOptional()
  @ArrayMaxSize(200)
  items?: string[] | null;
}

@InputType('ArticleInput', { description: 'Fields of an article; on update, absent fields keep their value.' })
export class ArticleInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Derived from the title when absent on create.' })
  @IsOptional()
  @MaxLength(1000)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  kicker?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  standfirst?: string | null;

  @Field(() => [BodyBlockInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  body?: BodyBlockInput[] | null;

  @Field(() => ID, { nullable: true })
  primaryRubricId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  secondaryRubricIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Bylines in order; a journalist creating an article signs it by default.' })
  @IsOptional()
  @ArrayMaxSize(20)
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  tagIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  heroImageId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  language?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  metaTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  metaDescription?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  canonicalUrl?: string | null;

  @Field(() => Date, { nullable: true, description: 'Hidden from the public until then, whatever its status.' })
  embargoUntil?: Date | null;
}
