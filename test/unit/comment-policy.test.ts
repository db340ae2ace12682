import type { CommentStatus } from '../../entities/discussion/comment.entity';
import { Role } from '../../src/auth/roles';
import type { Viewer } from '../../src/auth/viewer';
import { contentVisible, isTrusted, moderatorMayMove, visibleInThread, withinEditWindow } from '../../src/discussion/comment-policy';

const user = (userId: number, roles: Role[] = []): Viewer => ({ kind: 'user', userId, roles: [Role.Reader, ...roles], scopes: [] });
const service: Viewer = { kind: 'service', serviceTokenId: 1, roles: [], scopes: [] };

describe('comment policy', () => {
  const comment = (status: CommentStatus, extra: { parentId?: number | null; replyCount?: number } = {}) => ({
    status,
    authorUserId: 7,
    parentId: extra.parentId ?? null,
    replyCount: extra.replyCount ?? 0,
  });

  it.each([
    ['approved', [true, true, true, true]],
    ['pending', [false, true, false, true]],
    ['rejected', [false, false, false, true]],
    ['spam', [false, false, false, true]],
    ['deleted', [false, false, false, false]],
  ] as const)('shows the content of a %s comment to [anonymous, author, other reader, moderator] = %j', (status, expected) => {
    const viewers = [null, user(7), user(8), user(9, [Role.Moderator])];
    expect(viewers.map((v) => contentVisible(comment(status), v))).toEqual(expected);
  });

  it('keeps a hidden root in its thread while it has approved replies, never a hidden reply', () => {
    expect(visibleInThread(comment('deleted', { replyCount: 2 }), null)).toBe(true);
    expect(visibleInThread(comment('spam', { replyCount: 1 }), null)).toBe(true);
    expect(visibleInThread(comment('deleted'), null)).toBe(false);
    expect(visibleInThread(comment('deleted', { parentId: 3 }), null)).toBe(false);
    expect(visibleInThread(comment('rejected'), user(9, [Role.Moderator]))).toBe(false);
  });

  it('lets moderators move anything but a deleted comment', () => {
    const all: CommentStatus[] = ['pending', 'approved', 'rejected', 'spam', 'deleted'];
    const moves = all.flatMap((from) => all.filter((to) => moderatorMayMove(from, to)).map((to) => `${from}>${to}`));
    expect(moves).toEqual([
      'pending>approved',
      'pending>rejected',
      'pending>spam',
      'approved>rejected',
      'approved>spam',
      'rejected>approved',
      'rejected>spam',
      'spam>approved',
      'spam>rejected',
    ]);
  });

  it('trusts staff, and readers with three approved comments and no spam; never guests or services', () => {
    expect(isTrusted(user(1, [Role.Editor]), { approved: 0, spam: 5 })).toBe(true);
    expect(isTrusted(user(1), { approved: 3, spam: 0 })).toBe(true);
    expect(isTrusted(user(1), { approved: 2, spam: 0 })).toBe(false);
    expect(isTrusted(user(1), { approved: 30, spam: 1 })).toBe(false);
    expect(isTrusted(null, { approved: 30, spam: 0 })).toBe(false);
    expect(isTrusted(service, { approved: 30, spam: 0 })).toBe(false);
  });

  it('closes the edit window ten minutes after posting', () => {
    const createdAt = new Date('2025-01-01T10:00:00Z');
    expect(withinEditWindow({ createdAt }, new Date('2025-01-01T10:10:00Z'))).toBe(true);
    expect(withinEditWindow({ createdAt }, new Date('2025-01-01T10:10:01Z'))).toBe(false);
  });
});
