import { AppError, ErrorCode } from '../../errors/app-error';

/** A stale `version`: the caller must reload, merge and save again on top of `currentVersion`. */
export function articleConflict(currentVersion: number, details: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.Conflict, 'The article was changed by someone else', { currentVersion, ...details });
}
