/**
 * Aggregates are keyed by whole UTC hours and days counted from the epoch: integers that
 * compare, subtract and index the same way on every engine, with no time zone in sight.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
