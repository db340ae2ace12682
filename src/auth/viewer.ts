import type { Role, ServiceScope } from './roles';

/**
 * Who is asking: a signed-in user with roles, or a service token with scopes. Anonymous
 * readers have none. Its own file because both the token verifier (which produces it) and the
 * request context (which carries it) need it: in either one it made an import cycle.
 */
export type Viewer =
  | { kind: 'user'; userId: number; roles: Role[]; scopes: ServiceScope[] }
  | { kind: 'service'; serviceTokenId: number; roles: Role[]; scopes: ServiceScope[] };
