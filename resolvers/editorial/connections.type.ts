import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type';
import { ArticleType } from './article.type';
import { MagazineIssueType } from './magazine-issue.type';

@ObjectType('ArticleEdge')
export class ArticleEdgeType {
  @Field()
  cursor: string;

  @Field(() => ArticleType)
  node: unknown;
}

@ObjectType('ArticleConnection', { description: 'A page of articles.' })
export class ArticleConnectionType {
  @Field(() => [ArticleEdgeType])
  edges: unknown[];

  @Field(() => [ArticleType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
  nodes: unknown[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Size of the whole list; counted only when selected.' })
  totalCount: number;
}

@ObjectType('MagazineIssueEdge')
export class MagazineIssueEdgeType {
  @Field()
  cursor: string;

  @Field(() => MagazineIssueType)
  node: unknown;
}

@ObjectType('MagazineIssueConnection', { description: 'A page of magazine issues, newest first.' })
export class MagazineIssueConnectionType {
  @Field(() => [MagazineIssueEdgeType])
  edges: unknown[];

  @Field(() => [MagazineIssueType])
  nodes: unknown[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Number of issues; counted only when selected.' })
  totalCount: number;
}
