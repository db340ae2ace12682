import { IsOptional, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType('SocialLinksInput', { description: 'Public profiles (https URLs).' })
export class SocialLinksInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) x?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) facebook?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) linkedin?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) instagram?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) website?: string;
}

@InputType('AuthorInput', { description: 'A byline profile; on update, absent fields keep their value.' })
export class AuthorInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) slug?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) bio?: string | null;
  @Field(() => ID, { nullable: true }) avatarId?: string | null;
  @Field(() => SocialLinksInput, { nullable: true }) socialLinks?: SocialLinksInput | null;
  @Field(() => ID, { nullable: true, description: 'The account (accounts subgraph) this byline belongs to: "my articles".' })
  userId?: string | null;
}

@InputType('TagInput', { description: 'A tag; on update, absent fields keep their value.' })
export class TagInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) slug?: string | null;
}

@InputType('MediaInput', { description: 'An image of the media library; on update, absent fields keep their value.' })
export class MediaInput {
  @Field(() => String, { nullable: true, description: 'Path of the original in the image store.' }) @IsOptional() @MaxLength(1000) storageKey?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) altText?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) credit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) caption?: string | null;
  @Field(() => Int, { nullable: true }) width?: number | null;
  @Field(() => Int, { nullable: true }) height?: number | null;
  @Field(() => Float, { nullable: true, description: '0 (left) to 1 (right).' }) focalX?: number | null;
  @Field(() => Float, { nullable: true, description: '0 (top) to 1 (bottom).' }) focalY?: number | null;
}

@InputType('MagazineIssueInput', { description: 'A print issue; on update, absent fields keep their value.' })
export class MagazineIssueInput {
  @Field(() => Int, { nullable: true }) number?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) title?: string | null;
  @Field(() => ID, { nullable: true }) coverId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) @IsOptional() @MaxLength(20) onSaleDate?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Featured articles in order.' }) featuredArticleIds?: string[] | null;
}
