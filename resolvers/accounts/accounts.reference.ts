import type { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import type { RequestContext } from '../../src/context/request-context';

type Ref = { id: string | number };

/**
 * Other subgraphs' references to users (a comment's author, an article's editor) resolve
 * here in bulk through the per-request loader: one query per `_entities` batch. Private
 * fields stay guarded by the User field resolvers whoever asks.
 */
export function accountsReferenceResolvers(rt: AccountsRuntime) {
  return {
    User: {
      __resolveReference: (ref: Ref, ctx: RequestContext) => {
        const id = Number(ref.id);
        return Number.isSafeInteger(id) && id > 0 ? rt.loaders(ctx).userById.load(id) : null;
      },
    },
  };
}
