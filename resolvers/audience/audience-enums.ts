import { registerEnumType } from 'type-graphql';
import { ChangeKind } from '../../src/audience/article-change-log';
import { ReadershipWindow } from '../../src/audience/readership.service';

export const ReadershipWindowEnum = { DAY: ReadershipWindow.Day, WEEK: ReadershipWindow.Week, MONTH: ReadershipWindow.Month } as const;

registerEnumType(ReadershipWindowEnum, {
  name: 'ReadershipWindow',
  description: 'The period a most-read list covers.',
  valuesConfig: {
    DAY: { description: 'The last 24 hours, hour by hour.' },
    WEEK: { description: 'Today and the 6 days before (UTC days).' },
    MONTH: { description: 'Today and the 29 days before (UTC days).' },
  },
});

export const ArticleChangeKindEnum = {
  CREATED: ChangeKind.Created,
  UPDATED: ChangeKind.Updated,
  PUBLISHED: ChangeKind.Published,
  UNPUBLISHED: ChangeKind.Unpublished,
  TRASHED: ChangeKind.Trashed,
  DELETED: ChangeKind.Deleted,
} as const;

registerEnumType(ArticleChangeKindEnum, {
  name: 'ArticleChangeKind',
  description: "An article's latest change.",
  valuesConfig: {
    CREATED: { description: 'Written (possibly still a draft).' },
    UPDATED: { description: 'Edited: text, rubric, authors, tags, status, schedule…' },
    PUBLISHED: { description: 'Made public, by an editor or at its scheduled time.' },
    UNPUBLISHED: { description: 'Taken down; the article still exists.' },
    TRASHED: { description: 'Moved to the trash: hidden everywhere; it may come back (UPDATED) or be purged (DELETED).' },
    DELETED: { description: 'Gone for good: a tombstone.' },
  },
});
