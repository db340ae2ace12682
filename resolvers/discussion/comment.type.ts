import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type';

@ObjectType('Comment', {
  description:
    'A reader’s comment. Threads have two levels: root comments and their replies; answering a reply adds a reply to the same root that points at it with `inReplyTo`. Text fields are null on a removed comment (deleted, or withheld from you by moderation) that remains to anchor its replies.',
})
@Directive('@key(fields: "id")')
export class CommentType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field({ description: 'When it was posted.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its author last edited it.' })
  editedAt: Date | null;

  @Field(() => Int, { description: 'How many readers like it.' })
  likeCount: number;

  @Field(() => Int, { description: 'Approved replies of a root comment (0 for replies).' })
  replyCount: number;
}

@ObjectType('CommentEdge', { description: 'A comment in a page of comments.' })
export class CommentEdgeType {
  @Field({ description: 'Opaque cursor of this edge.' })
  cursor: string;

  @Field(() => CommentType, { description: 'The comment.' })
  node: unknown;
}

@ObjectType('CommentConnection', { description: 'A page of comments of one level of a thread, or of the moderation queue.' })
export class CommentConnectionType {
  @Field(() => [CommentEdgeType], { description: 'Comments with their cursors.' })
  edges: unknown[];

  @Field(() => [CommentType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
  nodes: unknown[];

  @Field(() => PageInfoType, { description: 'Pagination state.' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Comments at this level that you can see; counted only when selected.' })
  totalCount: number;
}
