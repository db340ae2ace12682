import type { Comment, CommentStatus } from '../../entities/discussion/comment.entity';
import { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';

/** A commenter is trusted (approved at once) after this many approved comments and none marked as spam. */
export const TRUSTED_AFTER_APPROVED = 3;
/** Distinct readers' reports that hide an approved comment until a moderator reviews it. */
export const REPORTS_TO_HIDE = 3;
/** How long after posting an author may still edit their comment. */
export const EDIT_WINDOW_SECONDS = 10 * 60;

/** Moderators and admins moderate comments. Roles come from the access token (at most 15 minutes old). */
export function canModerate(viewer: Viewer | null): boolean {
  return viewer?.kind === 'user' && (viewer.roles.includes(Role.Moderator) || viewer.roles.includes(Role.Admin));
}

/** Staff whose comments never wait in the queue. */
export function isStaff(viewer: Viewer | null): boolean {
  return canModerate(viewer) || (viewer?.kind === 'user' && viewer.roles.includes(Role.Editor));
}

export function isAuthor(viewer: Viewer | null, comment: Pick<Comment, 'authorUserId'>): boolean {
  return viewer?.kind === 'user' && comment.authorUserId !== null && comment.authorUserId === viewer.userId;
}

/**
 * Whether a viewer reads a comment's content: approved ones everyone; pending ones their
 * author and moderators; rejected and spam moderators only; deleted ones nobody (the text
 * is gone). Anything else shows, at most, as "comment removed".
 */
export function contentVisible(comment: Pick<Comment, 'status' | 'authorUserId'>, viewer: Viewer | null): boolean {
  switch (comment.status) {
    case 'approved':
      return true;
    case 'pending':
      return isAuthor(viewer, comment) || canModerate(viewer);
    case 'rejected':
    case 'spam':
      return canModerate(viewer);
    case 'deleted':
      return false;
  }
}

/** Who may see which statuses in a thread, as SQL over the `comment` table aliased `c`. */
export function threadVisibilitySql(viewer: Viewer | null): { sql: string; params: unknown[] } {
  // A root whose content is hidden still shows, as a placeholder, while it has approved replies.
  const anchors = `(c.parentId IS NULL AND c.replyCount > 0)`;
  if (canModerate(viewer)) return { sql: `(c.status IN ('approved', 'pending') OR ${anchors})`, params: [] };
  if (viewer?.kind === 'user') {
    return { sql: `(c.status = 'approved' OR (c.status = 'pending' AND c.authorUserId = ?) OR ${anchors})`, params: [viewer.userId] };
  }
  return { sql: `(c.status = 'approved' OR ${anchors})`, params: [] };
}

/** In-memory twin of `threadVisibilitySql`, for single comments loaded by id. */
export function visibleInThread(comment: Pick<Comment, 'status' | 'authorUserId' | 'parentId' | 'replyCount'>, viewer: Viewer | null): boolean {
  if (comment.status === 'approved' || (comment.parentId === null && comment.replyCount > 0)) return true;
  return comment.status === 'pending' && contentVisible(comment, viewer);
}

/**
 * The moves moderators make. Deleted is final (its author wiped it); anything else can be
 * reviewed again, so a rejection or a spam verdict can be undone.
 */
const MODERATOR_MOVES: Record<CommentStatus, CommentStatus[]> = {
  pending: ['approved', 'rejected', 'spam'],
  approved: ['rejected', 'spam'],
  rejected: ['approved', 'spam'],
  spam: ['approved', 'rejected'],
  deleted: [],
};

export function moderatorMayMove(from: CommentStatus, to: CommentStatus): boolean {
  return MODERATOR_MOVES[from].includes(to);
}

/** Authors delete their own comments in any state but deleted; they edit only what is live or waiting. */
export function authorMayDelete(status: CommentStatus): boolean {
  return status !== 'deleted';
}

export function authorMayEdit(status: CommentStatus): boolean {
  return status === 'approved' || status === 'pending';
}

export function withinEditWindow(comment: Pick<Comment, 'createdAt'>, now: Date): boolean {
  return now.getTime() - comment.createdAt.getTime() <= EDIT_WINDOW_SECONDS * 1000;
}

/**
 * Whose comments skip the queue: staff, and signed-in readers with enough approved comments
 * and never one marked as spam. Guests never do: their email is unverified, and anyone could
 * borrow a trusted guest's address.
 */
export function isTrusted(viewer: Viewer | null, history: { approved: number; spam: number }): boolean {
  if (viewer?.kind !== 'user') return false;
  if (isStaff(viewer)) return true;
  return history.approved >= TRUSTED_AFTER_APPROVED && history.spam === 0;
}
