import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type';
import { CommentStatusEnum, ModerationActionKindEnum } from './discussion-enums';

@ObjectType('ModerationAction', { description: 'One entry of the moderation record: who did what, to which comment or thread, when.' })
export class ModerationActionType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field(() => ModerationActionKindEnum, { description: 'What was done.' })
  action: string;

  @Field(() => CommentStatusEnum, { nullable: true, description: 'The comment’s status before, for verdicts.' })
  fromStatus: string | null;

  @Field(() => CommentStatusEnum, { nullable: true, description: 'The comment’s status after, for verdicts.' })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as the moderator wrote it.' })
  reason: string | null;

  @Field({ description: 'When.' })
  createdAt: Date;
}

@ObjectType('ModerationActionEdge', { description: 'An entry in a page of the moderation record.' })
export class ModerationActionEdgeType {
  @Field({ description: 'Opaque cursor of this edge.' })
  cursor: string;

  @Field(() => ModerationActionType, { description: 'The entry.' })
  node: unknown;
}

@ObjectType('ModerationActionConnection', { description: 'A page of the moderation record, newest first.' })
export class ModerationActionConnectionType {
  @Field(() => [ModerationActionEdgeType], { description: 'Entries with their cursors.' })
  edges: unknown[];

  @Field(() => [ModerationActionType], { description: 'The nodes of `edges`.' })
  nodes: unknown[];

  @Field(() => PageInfoType, { description: 'Pagination state.' })
  pageInfo: PageInfoType;
}

@ObjectType('CommenterBan', { description: 'A commenter barred from posting: an account, or a guest’s email and address.' })
export class CommenterBanType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field(() => String, { nullable: true, description: 'The banned guest’s email (moderators only).' })
  guestEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as the moderator wrote it.' })
  reason: string | null;

  @Field({ description: 'When the ban started.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was lifted; null while in force.' })
  liftedAt: Date | null;
}
