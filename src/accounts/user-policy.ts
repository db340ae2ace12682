import type { RequestContext } from '../context/request-context';
import { isAdmin } from '../auth/viewer-guards';

/**
 * Who reads a user's private fields (email, roles, verification state): the user themself
 * (by token, or having just proved it by logging in or registering in this request) and
 * admins. Everyone else sees null.
 */
export function canReadPrivate(ctx: RequestContext, provenUsers: Set<number>, userId: number): boolean {
  const viewer = ctx.viewer;
  if (viewer?.kind === 'user' && viewer.userId === userId) return true;
  return provenUsers.has(userId) || isAdmin(viewer);
}
