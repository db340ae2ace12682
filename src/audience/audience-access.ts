import { Role, ServiceScope } from '../auth/roles';

/**
 * Who reads analytics (the change feed, hence the export): analysts and admins, and service
 * tokens with the `read` or `export` scope. Rankings and view counts are public: pages show them.
 */
export const ANALYTICS_READERS = [Role.Analyst, Role.Admin, `scope:${ServiceScope.Read}`, `scope:${ServiceScope.Export}`];
