import { badInput } from '../errors/app-error';
import { passwordWeakness } from './password-policy';

export const EMAIL_MAX = 254;

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Services re-check the password rule so no path (CLI, tests, future mutations) can skip it. */
export function assertAcceptablePassword(password: string, argument: string, email?: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw badInput(`Password too weak: ${weakness}`, { argument });
}
