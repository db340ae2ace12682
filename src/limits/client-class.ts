import { Role } from '../auth/roles';
import type { RequestContext } from '../context/request-context';

/** Who an operation's limits and rate-limit budget are chosen for. */
export type ClientClass = 'anonymous' | 'reader' | 'staff' | 'service';

export const CLIENT_CLASSES: readonly ClientClass[] = ['anonymous', 'reader', 'staff', 'service'];

const STAFF_ROLES = new Set<Role>([Role.Journalist, Role.Editor, Role.Moderator, Role.Analyst, Role.Admin]);

/** The class of the request's viewer: any newsroom role makes a user staff. */
export function clientClass(ctx: Pick<RequestContext, 'viewer'>): ClientClass {
  const viewer = ctx.viewer;
  if (!viewer) return 'anonymous';
  if (viewer.kind === 'service') return 'service';
  return viewer.roles.some((role) => STAFF_ROLES.has(role)) ? 'staff' : 'reader';
}

