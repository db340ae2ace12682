import { gql } from './graphql-client';

/**
 * Writes articles the way the newsroom does, through the admin API (resolvers, then the
 * editorial workflow services, their transactions and their content events), so what a test
 * observes afterwards (lists, search, redirects, cache purges) is what production produces.
 */
export type DeskArticleInput = {
  title: string;
  slug?: string;
  standfirst?: string;
  body?: Array<{ type: string; text?: string }>;
  primaryRubricId: number;
  heroImageId?: number;
  authorIds?: number[];
};

async function call<T = any>(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await gql(url, query, variables, headers);
  if (res.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

function toInput(input: Partial<DeskArticleInput>) {
  return {
    ...input,
    primaryRubricId: input.primaryRubricId === undefined ? undefined : String(input.primaryRubricId),
    heroImageId: input.heroImageId === undefined ? undefined : String(input.heroImageId),
    authorIds: input.authorIds?.map(String),
  };
}

/** A draft, taken through review. Returns its id and slug. */
export async function approvedArticle(url: string, editor: Record<string, string>, input: DeskArticleInput): Promise<{ id: number; slug: string }> {
  const body = input.body ?? [{ type: 'paragraph', text: 'Un texte.' }];
  const created = await call(url, editor, `mutation($input: ArticleInput!) { createArticle(input: $input) { id slug } }`, { input: toInput({ ...input, body }) });
  const id = created.createArticle.id;
  for (const step of ['submitArticle', 'approveArticle']) await call(url, editor, `mutation($id: ID!) { ${step}(id: $id) { id } }`, { id });
  return { id: Number(id), slug: created.createArticle.slug };
}

/** Creates, reviews and publishes an article now. */
export async function publishedArticle(url: string, editor: Record<string, string>, input: DeskArticleInput): Promise<{ id: number; slug: string }> {
  const article = await approvedArticle(url, editor, input);
  await call(url, editor, `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: String(article.id) });
  return article;
}

/** Saves changes on top of the current version. */
export async function editArticle(url: string, editor: Record<string, string>, id: number, changes: Partial<DeskArticleInput>): Promise<void> {
  const current = await call(url, editor, `query($id: ID!) { adminArticle(id: $id) { version } }`, { id: String(id) });
  await call(url, editor, `mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, version: $v, input: $input) { id } }`, {
    id: String(id),
    v: current.adminArticle.version,
    input: toInput(changes),
  });
}

export async function unpublishArticle(url: string, editor: Record<string, string>, id: number): Promise<void> {
  await call(url, editor, `mutation($id: ID!) { unpublishArticle(id: $id) { id } }`, { id: String(id) });
}

export async function scheduleArticle(url: string, editor: Record<string, string>, id: number, publishAt: Date): Promise<void> {
  await call(url, editor, `mutation($id: ID!, $at: DateTimeISO!) { scheduleArticle(id: $id, publishAt: $at) { id } }`, { id: String(id), at: publishAt.toISOString() });
}
