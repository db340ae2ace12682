import type { RequestContext } from '../../src/context/request-context';
import { CommentReadService } from '../../src/discussion/comment-read.service';
import type { DiscussionRuntime } from '../../src/discussion/discussion-runtime';

type Ref = { id: string | number };

const toId = (ref: Ref): number | null => {
  const id = Number(ref.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * References into the discussion subgraph. An Article needs no database read: its comment
 * fields load through the per-request loaders, so `_entities` for a whole home page of
 * articles costs one statement per field kind. A Comment resolves only when this viewer
 * could see it in its thread.
 */
export function discussionReferenceResolvers(rt: DiscussionRuntime) {
  return {
    Article: {
      __resolveReference: (ref: Ref) => {
        const id = toId(ref);
        return id ? { id } : null;
      },
    },
    Comment: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? new CommentReadService(rt, ctx).visibleById(id) : null;
      },
    },
  };
}
