import { AppError, ErrorCode } from '../../errors/app-error';

/** A stale `version`: the caller must reload, merge and save again on top of `currentVersion`. */
export function articleConflict(currentVersion: number, details: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.Conflict, 'The article was changed by someone else', { currentVersion, ...details });
}

/** A write to an article in the trash: it must be restored first. */
export function articleInTrash(): AppError {
  return new AppError(ErrorCode.Conflict, 'The article is in the trash: restore it first', { reason: 'IN_TRASH' });
}
