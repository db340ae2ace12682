import type { EntityManager } from 'typeorm';
import { Author } from '../../../entities/editorial/author.entity';
import { Role } from '../../auth/roles';
import { requireUser, type UserViewer } from '../../auth/viewer-guards';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode } from '../../errors/app-error';
import { actorFor, type Actor } from './article-lifecycle.policy';

export const STAFF_ROLES = [Role.Journalist, Role.Editor, Role.Admin];

export function isEditor(viewer: { roles: readonly string[] } | null | undefined): boolean {
  return Boolean(viewer && (viewer.roles.includes(Role.Editor) || viewer.roles.includes(Role.Admin)));
}

/** The signed-in journalist, editor or admin; anyone else is refused. */
export function requireStaff(ctx: RequestContext): UserViewer {
  const viewer = requireUser(ctx);
  if (!STAFF_ROLES.some((r) => viewer.roles.includes(r))) throw new AppError(ErrorCode.Forbidden, 'Newsroom staff only');
  return viewer;
}

/** The byline profiles linked to this account (usually one). */
export async function ownAuthorIds(m: EntityManager, userId: number): Promise<number[]> {
  const rows = await m.getRepository(Author).find({ where: { userId }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * How the viewer acts on an article: as its editor, as its author (a journalist who signs it),
 * or not at all (FORBIDDEN). Editors and admins act on every article.
 */
export async function actorOn(m: EntityManager, viewer: UserViewer, authorIds: number[]): Promise<Actor> {
  if (isEditor(viewer)) return 'editor';
  const own = viewer.roles.includes(Role.Journalist) ? await ownAuthorIds(m, viewer.userId) : [];
  const actor = actorFor(viewer.roles, authorIds.some((id) => own.includes(id)));
  if (!actor) throw new AppError(ErrorCode.Forbidden, 'You can only work on articles you sign');
  return actor;
}
