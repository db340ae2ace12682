type Ref = { id: string | number };

const toId = (ref: Ref): number | null => {
  const id = Number(ref.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * References into the audience subgraph need no database read: an Article is its id (its
 * `viewCount` loads through the per-request loader, one statement per batch), and the home
 * page is a singleton.
 */
export function audienceReferenceResolvers() {
  return {
    Article: {
      __resolveReference: (ref: Ref) => {
        const id = toId(ref);
        return id ? { id } : null;
      },
    },
    HomePage: {
      __resolveReference: (ref: Ref) => (ref.id === 'home' ? { id: 'home' } : null),
    },
  };
}
