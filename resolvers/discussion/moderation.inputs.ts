import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import type { CommentStatus } from '../../entities/discussion/comment.entity';
import { ID_PATTERN } from '../../src/graphql/ids';
import { ConnectionArgs } from '../shared/connection.args';
import { CommentStatusEnum } from './discussion-enums';

@ArgsType()
export class ModerateCommentsArgs {
  @Field(() => [ID], { description: 'The comments, 1 to 100.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: 'ids must be comment ids' })
  ids: string[];

  @Field(() => String, { nullable: true, description: 'Why, for the moderation record (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class ModerationQueueArgs extends ConnectionArgs {
  @Field(() => [CommentStatusEnum], { nullable: true, description: 'Statuses to list; PENDING when omitted.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsIn(Object.values(CommentStatusEnum), { each: true })
  status?: CommentStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only comments under this article.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'articleId must be an article id' })
  articleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only comments by this user.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'authorId must be a user id' })
  authorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only comments by the guest who gave this email.' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  guestEmail?: string | null;
}

@ArgsType()
export class ModerationLogArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only acts on this comment.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'commentId must be a comment id' })
  commentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only acts under this article (verdicts, thread closing).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'articleId must be an article id' })
  articleId?: string | null;
}

@ArgsType()
export class BanCommenterArgs {
  @Field(() => ID, { description: 'A comment by the commenter to ban.' })
  @Matches(ID_PATTERN, { message: 'commentId must be a comment id' })
  commentId: string;

  @Field(() => String, { nullable: true, description: 'Why, for the record (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class BanIdArgs {
  @Field(() => ID, { description: 'The ban.' })
  @Matches(ID_PATTERN, { message: 'id must be a ban id' })
  id: string;
}

@ArgsType()
export class CommentThreadArgs {
  @Field(() => ID, { description: 'The article whose comments open or close.' })
  @Matches(ID_PATTERN, { message: 'articleId must be an article id' })
  articleId: string;

  @Field(() => String, { nullable: true, description: 'Why, for the record (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
