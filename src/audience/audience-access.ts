import { Role, ServiceScope } from '../auth/roles';

/**
 * Who reads analytics (view counts, the change feed, exports): analysts and admins, and
 * service tokens with the `read` or `export` scope. Rankings are public (they are on the
 * pages), raw numbers are not: audience figures are commercially sensitive.
 */
export const ANALYTICS_READERS = [Role.Analyst, Role.Admin, `scope:${ServiceScope.Read}`, `scope:${ServiceScope.Export}`];
