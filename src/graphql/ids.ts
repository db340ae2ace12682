import { badInput } from '../errors/app-error';

/** A GraphQL ID argument as a positive integer, or BAD_USER_INPUT naming the argument. */
export function toId(value: string | number, argument = 'id'): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw badInput(`Malformed ${argument}`, { argument });
  return id;
}
