/** What a person may do in the newsroom. A user holds any number of roles; `reader` is implicit. */
export enum Role {
  Reader = 'reader',
  Journalist = 'journalist',
  Editor = 'editor',
  Moderator = 'moderator',
  Analyst = 'analyst',
  Admin = 'admin',
}

export const ALL_ROLES = Object.values(Role) as Role[];

/** What a service token (an analytics job) may do; it never holds a person's role. */
export enum ServiceScope {
  Read = 'read',
  Export = 'export',
  Ingest = 'ingest',
}
