import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { ArticleStatus } from '../../../src/editorial/article-status';

/** GraphQL names of the lifecycle states; values are the stored ones. */
export enum ArticleStatusEnum {
  DRAFT = 'draft',
  IN_REVIEW = 'in_review',
  CHANGES_REQUESTED = 'changes_requested',
  APPROVED = 'approved',
  SCHEDULED = 'scheduled',
  PUBLISHED = 'published',
  UNPUBLISHED = 'unpublished',
  ARCHIVED = 'archived',
}
registerEnumType(ArticleStatusEnum, { name: 'ArticleStatus', description: 'Where an article is in the editorial lifecycle.' });

/** The stored status of each GraphQL value (a map, so the two lists cannot drift apart unnoticed). */
export const STORED_STATUS: Record<ArticleStatusEnum, ArticleStatus> = {
  [ArticleStatusEnum.DRAFT]: 'draft',
  [ArticleStatusEnum.IN_REVIEW]: 'in_review',
  [ArticleStatusEnum.CHANGES_REQUESTED]: 'changes_requested',
  [ArticleStatusEnum.APPROVED]: 'approved',
  [ArticleStatusEnum.SCHEDULED]: 'scheduled',
  [ArticleStatusEnum.PUBLISHED]: 'published',
  [ArticleStatusEnum.UNPUBLISHED]: 'unpublished',
  [ArticleStatusEnum.ARCHIVED]: 'archived',
};

@ObjectType('Correction', { description: 'A public correction note ("Mis à jour le …").' })
export class CorrectionType {
  @Field(() => ID)
  id: number;

  @Field()
  text: string;

  @Field(() => Date, { description: 'When the correction was made.' })
  createdAt: Date;
}

@ObjectType('ArticleRevision', { description: 'A saved state of an article: who saved it, when, and what changed.' })
export class ArticleRevisionType {
  @Field(() => Int, { description: '1 for the first save, then 2, 3, …' })
  number: number;

  @Field(() => Int, { description: 'The article version this save produced.' })
  articleVersion: number;

  @Field(() => [String], { description: 'Fields that differ from the previous revision.' })
  changedFields: string[];

  @Field(() => ID, { nullable: true, description: 'Account that saved it.' })
  userId: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "restored revision 3".' })
  note: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => GraphQLJSON, { description: 'The editable fields as saved.' })
  snapshot: unknown;
}

@ObjectType('FieldChange', { description: 'One field that differs between two revisions.' })
export class FieldChangeType {
  @Field()
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;
}

@ObjectType('PreviewLink', { description: 'A signed link showing a draft exactly as readers would see it, to whoever holds it.' })
export class PreviewLinkType {
  @Field({ description: 'Pass to `articlePreview(token:)`.' })
  token: string;

  @Field({ description: 'Front-end URL carrying the token.' })
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}
