import { badInput } from '../errors/app-error';
import { plainText } from './plain-text';

export const DISPLAY_NAME_MAX = 80;

/**
 * The one rule for every name a reader sets and others see (an account's display name at
 * registration or by an admin, a guest's name on a comment): the same markup removal as a
 * comment body, then one line with single spaces. A name that is empty once cleaned, or
 * longer than 80 characters, is BAD_USER_INPUT on `argument`.
 */
export function cleanDisplayName(raw: string, argument: string): string {
  const clean = plainText(raw).replace(/\s+/g, ' ').trim();
  if (!clean) throw badInput('The name cannot be blank once markup is removed', { argument });
  if (clean.length > DISPLAY_NAME_MAX) throw badInput(`The name is longer than ${DISPLAY_NAME_MAX} characters`, { argument });
  return clean;
}
