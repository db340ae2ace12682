import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { CommentOrder } from '../../src/discussion/comment-pages.repository';
import { COMMENT_MAX_RAW_LENGTH } from '../../src/discussion/comment-text';
import { ID_PATTERN } from '../../src/graphql/ids';
import { ConnectionArgs } from '../shared/connection.args';
import { CommentOrderEnum } from './discussion-enums';

/** No control characters (line breaks, NUL, bidi overrides…) in a name shown to others. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;

@InputType('PostCommentInput', { description: 'A new comment or reply.' })
export class PostCommentInput {
  @Field(() => ID, { description: 'The article commented on.' })
  @Matches(ID_PATTERN, { message: 'articleId must be an article id' })
  articleId: string;

  @Field({
    description: `The text, 1 to 3000 characters once cleaned: markup is removed (never interpreted), at most 2 links. Raw input is capped at ${COMMENT_MAX_RAW_LENGTH} characters.`,
  })
  @Length(1, COMMENT_MAX_RAW_LENGTH)
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment answered: a root, or a reply (the new reply then joins the same root).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'inReplyToId must be a comment id' })
  inReplyToId?: string | null;

  @Field(() => String, { nullable: true, description: 'Guests only: the name shown with the comment, 1 to 80 characters.' })
  @IsOptional()
  @Length(1, 80)
  @Matches(PRINTABLE, { message: 'guestName cannot contain control characters' })
  guestName?: string | null;

  @Field(() => String, { nullable: true, description: 'Guests only: an email address for the moderators, never shown.' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  guestEmail?: string | null;
}

@ArgsType()
export class CommentIdArgs {
  @Field(() => ID, { description: 'The comment.' })
  @Matches(ID_PATTERN, { message: 'id must be a comment id' })
  id: string;
}

@ArgsType()
export class EditCommentArgs extends CommentIdArgs {
  @Field({ description: 'The new text, under the same rules as when posting.' })
  @Length(1, COMMENT_MAX_RAW_LENGTH)
  body: string;
}

@ArgsType()
export class ReportCommentArgs extends CommentIdArgs {
  @Field(() => String, { nullable: true, description: 'What is wrong with it, at most 300 characters.' })
  @IsOptional()
  @MaxLength(300)
  reason?: string | null;
}

/*
 * Enum arguments are nullable with their default applied in code: a default written in the
 * SDL (`= NEWEST`) reaches resolvers as the GraphQL name, not the internal value, because
 * the subgraph schema is rebuilt from printed SDL before the enum values are mapped.
 */

@ArgsType()
export class ThreadPageArgs extends ConnectionArgs {
  // No class-validator rule: the enum type admits only its values, and without a rule the
  // resolver is called straight (src/subgraphs/direct-resolvers.ts).
  @Field(() => CommentOrderEnum, { nullable: true, description: 'Sort order; NEWEST when omitted.' })
  order?: CommentOrder | null;
}

@ArgsType()
export class RepliesPageArgs extends ConnectionArgs {
  // No class-validator rule: the enum type admits only its values (see ThreadPageArgs).
  @Field(() => CommentOrderEnum, { nullable: true, description: 'Sort order; OLDEST when omitted, as a conversation reads.' })
  order?: CommentOrder | null;
}
