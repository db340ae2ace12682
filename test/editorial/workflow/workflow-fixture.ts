import { Author } from '../../../entities/editorial/author.entity';
import { startNewsroomFixture, type NewsroomFixture } from '../../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, type SignedIn } from '../../support/sign-in';
import { gql } from '../../support/graphql-client';
import type { Backend } from '../../support/backends';

export type Desk = {
  fx: NewsroomFixture;
  editor: SignedIn;
  journalist: SignedIn;
  otherJournalist: SignedIn;
  reader: SignedIn;
  admin: SignedIn;
  /** The byline profile linked to `journalist`. */
  journalistAuthorId: number;
};

/** A newsroom with one person per role, the journalist's account linked to a byline. */
export async function startDesk(backend: Backend, label: string, options: { responseCache?: boolean } = {}): Promise<Desk> {
  const fx = await startNewsroomFixture(backend, label, 60, options);
  await prepareAccounts(fx);
  const [editor, journalist, otherJournalist, reader, admin] = [
    await signInAs(fx, [Role.Editor]),
    await signInAs(fx, [Role.Journalist]),
    await signInAs(fx, [Role.Journalist]),
    await signInAs(fx, []),
    await signInAs(fx, [Role.Admin]),
  ];
  const authors = fx.app.dataSources.get('editorial')!.getRepository(Author);
  const [mine, theirs] = await authors.find({ order: { id: 'ASC' }, take: 2 });
  await authors.update(mine.id, { userId: journalist.id });
  await authors.update(theirs.id, { userId: otherJournalist.id });
  return { fx, editor, journalist, otherJournalist, reader, admin, journalistAuthorId: mine.id };
}

export const ARTICLE_FIELDS = 'id slug status version title publishedAt embargoUntil path';

/** Creates a draft through the API as `who`. */
export async function draft(desk: Desk, who: SignedIn, input: Record<string, unknown> = {}) {
  const res = await gql(
    desk.fx.url,
    `mutation($input: ArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }`,
    {
      input: {
        title: `Brouillon n°${Math.random().toString(36).slice(2, 8)} : l’économie « verte »`,
        standfirst: 'Un chapeau.',
        primaryRubricId: '2',
        body: [{ type: 'paragraph', text: 'Premier paragraphe.' }, { type: 'quote', text: 'Une citation.', attribution: 'Une source' }],
        ...input,
      },
    },
    who.headers,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createArticle as { id: string; slug: string; status: string; version: number; path: string };
}

/** Calls a transition mutation and returns the error code or the new status. */
export async function move(desk: Desk, who: SignedIn, mutation: string, id: string, extra = ''): Promise<string> {
  const res = await gql(desk.fx.url, `mutation { ${mutation}(id: "${id}"${extra}) { status } }`, {}, who.headers);
  return res.errors ? String(res.errors[0].extensions?.code) : res.data[mutation].status;
}
