import { getNamedType, isCompositeType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * How long a public answer may be cached, per root field, in seconds. A root field that is not
 * listed here is never cached: new operations (anything personal, every mutation) are private
 * until someone decides otherwise here.
 */
export const PUBLIC_ROOT_FIELDS: Record<string, number> = {
  homePage: 30,
  articles: 30,
  article: 60,
  route: 60,
  rubric: 60,
  rubrics: 300,
  author: 120,
  tag: 120,
  search: 60,
  magazineIssue: 300,
  magazineIssues: 300,
  newsletters: 300,
  trending: 30,
  mostRead: 60,
};

/** Fields below the root that shorten the lifetime of whatever contains them. */
export const FIELD_MAX_AGE: Record<string, number> = {
  'HomePage.trending': 30,
  'Article.viewCount': 60,
  'Article.commentCount': 30,
  'Article.comments': 30,
};

/**
 * Only anonymous requests reach the shared cache, and resolvers give anonymous readers no
 * private data (these fields answer null to them), so the lists below are defence in depth:
 * an operation that selects any of them is never stored, whoever asks.
 */
export const PRIVATE_TYPES = new Set(['AuthPayload', 'ServiceToken', 'CreatedServiceToken', 'ServiceAccessToken', 'NewsletterSubscription', 'PreviewLink']);
export const PRIVATE_FIELDS = new Set(['User.email', 'User.emailVerified', 'User.roles', 'Comment.guestEmail', 'Article.revisions']);

export type CachePolicy = { cacheable: false } | { cacheable: true; maxAge: number };

/** The shared-cache policy of one operation: the shortest lifetime of what it selects. */
export function cachePolicy(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): CachePolicy {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op || op.operation !== 'query') return { cacheable: false };
  let maxAge = Number.POSITIVE_INFINITY;
  let cacheable = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        if (!parent) return;
        if (node.name.value.startsWith('__')) return;
        if (parent === schema.getQueryType()) {
          const age = PUBLIC_ROOT_FIELDS[node.name.value];
          if (age === undefined) cacheable = false;
          else maxAge = Math.min(maxAge, age);
        }
        const fieldAge = FIELD_MAX_AGE[`${parent.name}.${node.name.value}`];
        if (fieldAge !== undefined) maxAge = Math.min(maxAge, fieldAge);
        if (PRIVATE_FIELDS.has(`${parent.name}.${node.name.value}`)) cacheable = false;
        const named = type ? getNamedType(type) : undefined;
        if (named && isCompositeType(named) && PRIVATE_TYPES.has(named.name)) cacheable = false;
      },
    }),
  );
  if (!cacheable || !Number.isFinite(maxAge)) return { cacheable: false };
  return { cacheable: true, maxAge };
}
