import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import type { EditorialRuntime } from '../../src/editorial/editorial-runtime';

type Ref = { id: string | number };

const toId = (ref: Ref): number | null => {
  const id = Number(ref.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * How other subgraphs' references to editorial entities are resolved. The gateway sends
 * `_entities` with many representations at once; each goes through a loader so the whole
 * batch is one query per type. Articles the public cannot see resolve to null.
 */
export function editorialReferenceResolvers(rt: EditorialRuntime) {
  return {
    Article: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? new ArticleReadService(rt, ctx).byId(id) : null;
      },
    },
    Rubric: {
      __resolveReference: async (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? ((await rt.loaders(ctx).rubricTree()).get(id) ?? null) : null;
      },
    },
    Author: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? rt.loaders(ctx).authorById.load(id) : null;
      },
    },
    Tag: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? rt.loaders(ctx).tagById.load(id) : null;
      },
    },
    Media: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? rt.loaders(ctx).mediaById.load(id) : null;
      },
    },
    MagazineIssue: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = toId(ref);
        return id ? rt.loaders(ctx).magazineIssueById.load(id) : null;
      },
    },
  };
}
