import { registerEnumType } from 'type-graphql';

/** GraphQL names (upper case) for the stored comment statuses. */
export const CommentStatusEnum = {
  PENDING: 'pending',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  SPAM: 'spam',
  DELETED: 'deleted',
} as const;

registerEnumType(CommentStatusEnum, {
  name: 'CommentStatus',
  description: 'Where a comment stands in moderation.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a moderator (new or untrusted commenter, edited, or hidden by readers’ reports). Seen by its author and moderators only.' },
    APPROVED: { description: 'Published under the article and counted.' },
    REJECTED: { description: 'Refused by a moderator.' },
    SPAM: { description: 'Marked as spam by a moderator; counts against its author’s trust.' },
    DELETED: { description: 'Deleted by its author; shown as "comment removed" while it has replies.' },
  },
});

export const CommentOrderEnum = { NEWEST: 'newest', OLDEST: 'oldest', MOST_LIKED: 'most_liked' } as const;

registerEnumType(CommentOrderEnum, {
  name: 'CommentOrder',
  description: 'How a level of a thread is sorted.',
  valuesConfig: {
    NEWEST: { description: 'Most recent first.' },
    OLDEST: { description: 'In the order they were posted.' },
    MOST_LIKED: { description: 'Most liked first, then most recent. Likes keep changing, so a later page may repeat or skip a comment whose likes changed meanwhile.' },
  },
});

export const ModerationActionKindEnum = {
  APPROVE: 'approve',
  REJECT: 'reject',
  SPAM: 'spam',
  AUTO_HIDE: 'auto_hide',
  BAN: 'ban',
  LIFT_BAN: 'lift_ban',
  CLOSE_THREAD: 'close_thread',
  REOPEN_THREAD: 'reopen_thread',
} as const;

registerEnumType(ModerationActionKindEnum, {
  name: 'ModerationActionKind',
  description: 'What a moderation act did.',
  valuesConfig: {
    APPROVE: { description: 'A comment was approved.' },
    REJECT: { description: 'A comment was rejected.' },
    SPAM: { description: 'A comment was marked as spam.' },
    AUTO_HIDE: { description: 'Readers’ reports hid a comment until review (no moderator).' },
    BAN: { description: 'A commenter was banned.' },
    LIFT_BAN: { description: 'A ban was lifted.' },
    CLOSE_THREAD: { description: 'An article’s comments were closed.' },
    REOPEN_THREAD: { description: 'An article’s comments were reopened.' },
  },
});
