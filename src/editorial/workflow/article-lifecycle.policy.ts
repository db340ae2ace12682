import { Role } from '../../auth/roles';
import type { ArticleStatus } from '../article-status';

/**
 * The article lifecycle. Each transition names who may make it: `author` is a journalist
 * signing the article (their own work), `editor` an editor or admin. The scheduler (system)
 * makes scheduled → published and published → unpublished on time.
 *
 *   draft → in_review → approved → scheduled → published → unpublished → archived
 *                ↘ changes_requested → draft     ↖______________/      ↘ draft
 */
export type Actor = 'author' | 'editor' | 'system';

export type Transition = { from: ArticleStatus; to: ArticleStatus; by: Actor[]; action: string };

export const TRANSITIONS: Transition[] = [
  { from: 'draft', to: 'in_review', by: ['author', 'editor'], action: 'submit' },
  { from: 'changes_requested', to: 'in_review', by: ['author', 'editor'], action: 'submit' },
  { from: 'in_review', to: 'changes_requested', by: ['editor'], action: 'requestChanges' },
  { from: 'changes_requested', to: 'draft', by: ['author', 'editor'], action: 'reopen' },
  { from: 'in_review', to: 'draft', by: ['author', 'editor'], action: 'withdraw' },
  { from: 'in_review', to: 'approved', by: ['editor'], action: 'approve' },
  { from: 'approved', to: 'scheduled', by: ['editor'], action: 'schedule' },
  { from: 'approved', to: 'published', by: ['editor'], action: 'publish' },
  { from: 'scheduled', to: 'published', by: ['editor', 'system'], action: 'publish' },
  { from: 'scheduled', to: 'approved', by: ['editor'], action: 'unschedule' },
  { from: 'published', to: 'unpublished', by: ['editor', 'system'], action: 'unpublish' },
  { from: 'unpublished', to: 'published', by: ['editor'], action: 'publish' },
  { from: 'unpublished', to: 'draft', by: ['editor'], action: 'reopen' },
  { from: 'published', to: 'archived', by: ['editor'], action: 'archive' },
  { from: 'unpublished', to: 'archived', by: ['editor'], action: 'archive' },
  { from: 'archived', to: 'unpublished', by: ['editor'], action: 'restore' },
];

/** Editors (and admins) act as `editor`; a journalist acts as `author` on an article they sign. */
export function actorFor(roles: readonly string[], signsArticle: boolean): Actor | null {
  if (roles.includes(Role.Editor) || roles.includes(Role.Admin)) return 'editor';
  if (roles.includes(Role.Journalist) && signsArticle) return 'author';
  return null;
}

export function findTransition(from: ArticleStatus, to: ArticleStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function allowedTargets(from: ArticleStatus, actor: Actor): ArticleStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);
}

/** Statuses in which an author may still edit their own text; editors edit in any status. */
export const AUTHOR_EDITABLE: ArticleStatus[] = ['draft', 'changes_requested'];

/**
 * Who may put an article in the trash or take it out: editors any article; its author only a
 * draft of their own that was never published (what readers saw is an editor's call).
 */
export function mayTrash(actor: Actor, article: { status: ArticleStatus; publishedAt: Date | null }): boolean {
  return actor === 'editor' || (actor === 'author' && AUTHOR_EDITABLE.includes(article.status) && !article.publishedAt);
}
