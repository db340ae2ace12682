import { badInput } from '../errors/app-error';
import { passwordWeakness } from './password-policy';

export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 80;

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Display names are trimmed, inner runs of spaces collapsed, and must keep a visible character. */
export function normalizeDisplayName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw badInput('The display name cannot be blank', { argument: 'displayName' });
  if (clean.length > DISPLAY_NAME_MAX) throw badInput(`The display name is longer than ${DISPLAY_NAME_MAX} characters`, { argument: 'displayName' });
  return clean;
}

/** Services re-check the password rule so no path (CLI, tests, future mutations) can skip it. */
export function assertAcceptablePassword(password: string, argument: string, email?: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw badInput(`Password too weak: ${weakness}`, { argument });
}
