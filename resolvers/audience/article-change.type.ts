import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type';
import { ArticleChangeKindEnum } from './audience-enums';
import { ArticleStub } from './article.stub';

@ObjectType('ArticleChange', { description: "An article's latest change, for jobs that keep a copy of the articles in sync." })
export class ArticleChangeType {
  @Field({ description: 'Pass it as `after` to get the changes that follow this one.' })
  cursor: string;

  @Field(() => ID, { description: 'The article, also when it no longer exists.' })
  articleId: string;

  @Field(() => ArticleChangeKindEnum)
  kind: string;

  @Field({ description: 'When the change happened.' })
  changedAt: Date;

  @Field({ description: 'The article was deleted: drop your copy (a tombstone).' })
  deleted: boolean;

  @Field(() => ArticleStub, {
    nullable: true,
    description: "The article as it is now; null when deleted or when the public cannot see it (draft, scheduled, embargoed, unpublished).",
  })
  article: ArticleStub | null;
}

@ObjectType('ArticleChangeEdge', { description: 'A change in a page of changes.' })
export class ArticleChangeEdgeType {
  @Field()
  cursor: string;

  @Field(() => ArticleChangeType)
  node: ArticleChangeType;
}

@ObjectType('ArticleChangeConnection', {
  description: 'Changes in the order they were committed, each article once (its latest change). Keep `pageInfo.endCursor` for the next sync.',
})
export class ArticleChangeConnectionType {
  @Field(() => [ArticleChangeEdgeType])
  edges: ArticleChangeEdgeType[];

  @Field(() => [ArticleChangeType], { description: 'The nodes of `edges`.' })
  nodes: ArticleChangeType[];

  @Field(() => PageInfoType, { description: 'Pagination state; `endCursor` is null on an empty page: keep the cursor you had.' })
  pageInfo: PageInfoType;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the newest change now, whatever the page: after a full export, follow the feed from here.',
  })
  latestCursor: string | null;
}
