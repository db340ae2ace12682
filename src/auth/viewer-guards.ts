import type { RequestContext } from '../context/request-context';
import type { Viewer } from './viewer';
import { AppError, ErrorCode } from '../errors/app-error';
import { Role } from './roles';

export type UserViewer = Extract<Viewer, { kind: 'user' }>;

/**
 * The signed-in person, for operations that act on one's own account. `@Authorized()`
 * already refused anonymous callers; a service token reaching here is FORBIDDEN: it has
 * no account to act on.
 */
export function requireUser(ctx: RequestContext): UserViewer {
  const viewer = ctx.viewer;
  if (!viewer) throw new AppError(ErrorCode.Unauthenticated, 'Sign in required');
  if (viewer.kind !== 'user') throw new AppError(ErrorCode.Forbidden, 'Service tokens have no user account', { reason: 'SERVICE_TOKEN' });
  return viewer;
}

export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.kind === 'user' && viewer.roles.includes(Role.Admin);
}
