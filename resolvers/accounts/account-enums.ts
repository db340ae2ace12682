import { registerEnumType } from 'type-graphql';
import { Role, ServiceScope } from '../../src/auth/roles';

/** GraphQL names (upper case) for the stored role values. */
export const RoleEnum = {
  READER: Role.Reader,
  JOURNALIST: Role.Journalist,
  EDITOR: Role.Editor,
  MODERATOR: Role.Moderator,
  ANALYST: Role.Analyst,
  ADMIN: Role.Admin,
} as const;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a person may do. Every user is a READER; admins grant the other roles.',
  valuesConfig: {
    READER: { description: 'Reads the site, comments, subscribes to newsletters (implicit for every user).' },
    JOURNALIST: { description: 'Writes and edits their own articles.' },
    EDITOR: { description: 'Edits and publishes every article and curates the front page.' },
    MODERATOR: { description: 'Moderates comments.' },
    ANALYST: { description: 'Reads analytics and runs exports; changes nothing.' },
    ADMIN: { description: 'Manages users, roles, service tokens and rubrics.' },
  },
});

export const ServiceScopeEnum = {
  READ: ServiceScope.Read,
  EXPORT: ServiceScope.Export,
  INGEST: ServiceScope.Ingest,
} as const;

registerEnumType(ServiceScopeEnum, {
  name: 'ServiceScope',
  description: 'What a service token may do.',
  valuesConfig: {
    READ: { description: 'Read-only access to analytics.' },
    EXPORT: { description: 'Run and download exports.' },
    INGEST: { description: 'Send analytics events.' },
  },
});

export const SubscriptionStatusEnum = { PENDING: 'pending', CONFIRMED: 'confirmed', UNSUBSCRIBED: 'unsubscribed' } as const;

registerEnumType(SubscriptionStatusEnum, {
  name: 'NewsletterSubscriptionStatus',
  description: 'Where a newsletter subscription stands in the double opt-in.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the address to confirm through the mailed link.' },
    CONFIRMED: { description: 'Receiving the newsletter.' },
    UNSUBSCRIBED: { description: 'Left the newsletter.' },
  },
});
