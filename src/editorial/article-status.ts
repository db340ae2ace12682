export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'archived',
] as const;

export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
