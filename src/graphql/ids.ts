import { badInput } from '../errors/app-error';

/** Decimal digits, no sign, no leading zero, no spaces: what the API hands out as ids. */
export const ID_PATTERN = /^[1-9]\d{0,15}$/;

/**
 * A GraphQL ID argument as a positive integer, or BAD_USER_INPUT naming the argument. The one
 * parser of ids: `Number()` alone would read " 12", "1e3" and "0x10" as ids, and `|| null` would
 * turn a malformed filter into no filter at all.
 */
export function toId(value: string | number, argument = 'id'): number {
  const text = typeof value === 'number' ? String(value) : value;
  const id = ID_PATTERN.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) throw badInput(`Malformed ${argument}`, { argument });
  return id;
}

/** An optional ID argument (a filter): absent stays null, anything given must be an id. */
export function optionalId(value: string | number | null | undefined, argument: string): number | null {
  return value === null || value === undefined ? null : toId(value, argument);
}

/** A list of ID arguments, each parsed. */
export function toIds(values: readonly (string | number)[], argument: string): number[] {
  return values.map((v) => toId(v, argument));
}
