import { badInput } from '../errors/app-error';

/** Relay cursors are opaque to clients: base64url of a JSON array of the sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The largest number a cursor may hold: Date's range in ms (±100,000,000 days), beyond any id,
 * time, count or score a page writes. A time past it made an invalid Date, whose conversion
 * for SQL threw (INTERNAL_SERVER_ERROR for `after` = [1e20, 1]).
 */
const MAX_CURSOR_NUMBER = 8.64e15;

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  if (cursor.length > 512) throw badInput('Malformed cursor', { argument: 'after' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('Malformed cursor', { argument: 'after' });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    parsed.some((v, i) => typeof v !== shape[i] || (typeof v === 'number' && !(Math.abs(v) <= MAX_CURSOR_NUMBER)))
  ) {
    throw badInput('Malformed cursor', { argument: 'after' });
  }
  return parsed;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Validates `first`: 0..100 (default 20). */
export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}`, { argument: 'first' });
  }
  return first;
}

export type Edge<T> = { cursor: string; node: T };

/** A page of a connection; `totalCount` runs its query only if the client selects the field. */
export class ConnectionPage<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly hasNextPage: boolean,
    private readonly countFn: () => Promise<number>,
    private readonly hasPrevious = false,
  ) {}

  get nodes(): T[] {
    return this.edges.map((e) => e.node);
  }

  get pageInfo() {
    return {
      hasNextPage: this.hasNextPage,
      hasPreviousPage: this.hasPrevious,
      startCursor: this.edges[0]?.cursor ?? null,
      endCursor: this.edges[this.edges.length - 1]?.cursor ?? null,
    };
  }

  totalCount(): Promise<number> {
    return this.countFn();
  }
}
