import { AppError, ErrorCode, notFound } from '../errors/app-error';

/** The discussion subgraph's expected failures, each with a stable `reason` clients can switch on. */
export const discussionErrors = {
  commentNotFound: (id: number) => notFound('Comment', { id: String(id) }),
  articleNotFound: (id: number) => notFound('Article', { id: String(id) }),
  commentsClosed: () => new AppError(ErrorCode.Forbidden, 'Comments are closed on this article', { reason: 'COMMENTS_CLOSED' }),
  banned: () => new AppError(ErrorCode.Forbidden, 'You can no longer comment on this site', { reason: 'BANNED' }),
  guestsNotAllowed: () => new AppError(ErrorCode.Unauthenticated, 'Sign in to comment', { reason: 'GUEST_COMMENTS_DISABLED' }),
  serviceToken: () => new AppError(ErrorCode.Forbidden, 'Service tokens cannot comment', { reason: 'SERVICE_TOKEN' }),
  duplicate: () => new AppError(ErrorCode.Conflict, 'You already posted this comment here', { reason: 'DUPLICATE_COMMENT' }),
  notAuthor: () => new AppError(ErrorCode.Forbidden, 'Only its author can change this comment', { reason: 'NOT_AUTHOR' }),
  editWindowClosed: () => new AppError(ErrorCode.Forbidden, 'Comments can be edited only in the minutes after posting', { reason: 'EDIT_WINDOW_CLOSED' }),
  notEditable: () => new AppError(ErrorCode.Forbidden, 'This comment can no longer be edited', { reason: 'NOT_EDITABLE' }),
  changedMeanwhile: () => new AppError(ErrorCode.Conflict, 'The comment changed meanwhile; reload it and try again', { reason: 'CHANGED_MEANWHILE' }),
  moderatorsOnly: () => new AppError(ErrorCode.Forbidden, 'Moderators only'),
  tooManyRequests: (retryAfterSeconds: number) => new AppError(ErrorCode.TooManyRequests, 'Too many comments; try again later', { retryAfterSeconds }),
  transitionNotAllowed: (ids: number[], to: string) =>
    new AppError(ErrorCode.Conflict, `These comments cannot become ${to}`, { reason: 'TRANSITION_NOT_ALLOWED', ids: ids.map(String) }),
};
