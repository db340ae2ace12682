import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { AppError, ErrorCode } from '../errors/app-error';

/** `@Authorized(PERSON)`: any signed-in person, never a service token (operations on one's own account). */
export const PERSON = 'viewer:user';

/**
 * `@Authorized(...)` on a field names the roles (or `scope:<name>` for service tokens, or
 * PERSON for any user) that may use it; an empty list means "any signed-in viewer". No
 * viewer → UNAUTHENTICATED (saying whether the token expired); a viewer matching none of
 * the entries → FORBIDDEN.
 */
export const authChecker: AuthChecker<RequestContext, string> = ({ context }, required) => {
  const viewer = context.viewer;
  if (!viewer) {
    const reason = context.authFailure;
    throw new AppError(
      ErrorCode.Unauthenticated,
      reason === 'expired' ? 'Access token expired' : reason === 'invalid' ? 'Invalid access token' : 'Sign in required',
      reason ? { reason } : {},
    );
  }
  if (!required.length) return true;
  const granted = required.some((r) =>
    r === PERSON ? viewer.kind === 'user' : r.startsWith('scope:') ? (viewer.scopes as readonly string[]).includes(r.slice(6)) : (viewer.roles as readonly string[]).includes(r),
  );
  if (!granted) throw new AppError(ErrorCode.Forbidden, 'Not allowed for your role');
  return true;
};
