import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { ArticleBody } from '../../entities/editorial/article-body.entity';
import { sqlCounter } from '../../src/db/sql-counter';
import { seedDiscussionDemo } from '../../src/seed/discussion-seeder';
import { signPreviewToken } from '../../src/editorial/workflow/preview-token';
import { backends } from '../support/backends';
import { seedComments } from '../support/discussion';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { settleBackgroundWork } from '../support/settle';
import { Role, signInAs, type SignedIn } from '../support/sign-in';

/**
 * For every root query field of the client API: the query selecting every field reachable to
 * depth 4, run through the gateway with pages of 2 and of 4. A field that resolves one
 * statement per parent makes the second run cost more than the first; batched fields cost the
 * same whatever the page size. The query is built from the committed API schema, so a new field
 * is covered the day it is added.
 */
const MAX_DEPTH = 4;
const PAGE_ARGS = new Set(['first', 'limit', 'articlesPerBlock']);

/** Root fields not measured, and why. Every other root field must be. */
const SKIPPED: Record<string, string> = {};

type Demo = {
  articleId: number;
  /** An article saved twice through the admin API: revisions 1 and 2. */
  revisedArticleId: number;
  articleSlug: string;
  articlePath: string;
  rubricSlug: string;
  authorSlug: string;
  tagSlug: string;
  magazineNumber: number;
  previewToken: string;
  /** A word that finds at least four articles. */
  searchWord: string;
};

/** A value for an argument the field cannot do without (or a page size), from demo data. */
function argumentValue(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, demo: Demo, pageSize: number): string | undefined {
  if (PAGE_ARGS.has(arg.name)) return String(pageSize);
  const returns = getNamedType(field.type).name;
  const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
  const wanted: Record<string, () => string | undefined> = {
    slug: () => {
      const slugs: Record<string, string> = { Article: demo.articleSlug, Rubric: demo.rubricSlug, Author: demo.authorSlug, Tag: demo.tagSlug };
      return slugs[returns] === undefined ? undefined : JSON.stringify(slugs[returns]);
    },
    id: () => (returns === 'Article' ? JSON.stringify(String(demo.articleId)) : returns === 'FieldChange' ? JSON.stringify(String(demo.revisedArticleId)) : undefined),
    path: () => JSON.stringify(demo.articlePath),
    query: () => JSON.stringify(demo.searchWord),
    token: () => JSON.stringify(demo.previewToken),
    number: () => String(demo.magazineNumber),
    at: () => JSON.stringify(new Date().toISOString()),
    from: () => '1',
    to: () => '2',
  };
  // Lookups by slug or id need one of the two even when neither is required alone.
  const lookup = (arg.name === 'slug' || arg.name === 'id') && field.args.some((a) => a.name === 'slug') && field.args.some((a) => a.name === 'id');
  if (lookup && arg.name === 'id') return undefined;
  if (!required && !lookup) return undefined;
  const value = wanted[arg.name]?.();
  if (value !== undefined) return value;
  const named = getNamedType(arg.type);
  if (required && isEnumType(named)) return named.getValues()[0].name;
  return undefined;
}

class QueryBuilder {
  readonly unsupported: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly demo: Demo,
    private readonly pageSize: number,
  ) {}

  /** `name(args) { … }` for a field at `depth` (root fields are depth 1), or null when it cannot be asked. */
  field(field: GraphQLField<unknown, unknown>, depth: number, alias?: string): string | null {
    const args: string[] = [];
    for (const arg of field.args) {
      const value = argumentValue(field, arg, this.demo, this.pageSize);
      if (value !== undefined) args.push(`${arg.name}: ${value}`);
      else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
        this.unsupported.push(`${field.name}(${arg.name})`);
        return null;
      }
    }
    const head = `${alias ? `${alias}: ` : ''}${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
    const type = getNamedType(field.type);
    if (isLeafType(type)) return head;
    return `${head} { ${depth >= MAX_DEPTH ? '__typename' : this.selection(type, depth + 1)} }`;
  }

  /** Every field of a composite type; union members in fragments, their fields aliased so they never conflict. */
  selection(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type)) {
      const parts = type.getTypes().map((member) => `... on ${member.name} { ${this.fields(member, depth, `${member.name}_`)} }`);
      return `__typename ${parts.join(' ')}`;
    }
    if (isObjectType(type) || isInterfaceType(type)) return this.fields(type, depth);
    return '__typename';
  }

  private fields(type: GraphQLNamedType, depth: number, aliasPrefix = ''): string {
    if (!isObjectType(type) && !isInterfaceType(type)) return '__typename';
    const parts = Object.values(type.getFields())
      .map((f) => this.field(f, depth, aliasPrefix ? `${aliasPrefix}${f.name}` : undefined))
      .filter((s): s is string => s !== null);
    return ['__typename', ...parts].join(' ');
  }
}

function apiSchema(): GraphQLSchema {
  return buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/api.graphql'), 'utf8'));
}

describe.each(backends())('statements do not grow with page size, every root field to depth 4 (%s)', (backend) => {
  let fx: NewsroomFixture;
  let staff: SignedIn;
  let demo: Demo;
  const schema = apiSchema();

  beforeAll(async () => {
    // Limits off: this measures statements of queries far larger than any client may send.
    fx = await startNewsroomFixture(backend, 'flat_statements', 80, { operationGuards: false });
    const editorial = fx.app.dataSources.get('editorial')!;
    staff = await signInAs(fx, [Role.Admin, Role.Editor, Role.Moderator, Role.Analyst]);
    for (let i = 0; i < 4; i++) await signInAs(fx, [], { label: 'reader' });
    await seedDiscussionDemo(fx.app.dataSources.get('discussion')!, { articles: 80, seed: 3 });

    const listed = await gql(fx.url, `{ articles(first: 6) { nodes { id slug path tags { slug } authors { slug } rubric { path } } } }`);
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data.articles.nodes;
    const first = nodes.find((n: any) => n.tags.length && n.authors.length) ?? nodes[0];
    const [issue] = await editorial.query('SELECT number FROM magazine_issue ORDER BY number DESC LIMIT 1');
    const created = await gql(
      fx.url,
      `mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }`,
      { input: { title: 'Un article révisé', primaryRubricId: '2', body: [{ type: 'paragraph', text: 'Premier jet.' }] } },
      staff.headers,
    );
    expect(created.errors).toBeUndefined();
    const revised = await gql(
      fx.url,
      `mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, version: 1, input: $input) { id } }`,
      { id: created.data.createArticle.id, input: { title: 'Un article révisé', primaryRubricId: '2', body: [{ type: 'paragraph', text: 'Second jet.' }] } },
      staff.headers,
    );
    expect(revised.errors).toBeUndefined();
    demo = {
      articleId: Number(first.id),
      revisedArticleId: Number(created.data.createArticle.id),
      articleSlug: first.slug,
      articlePath: first.path,
      rubricSlug: first.rubric.path.replace(/^\//, ''),
      authorSlug: first.authors[0].slug,
      tagSlug: first.tags[0]?.slug ?? '',
      magazineNumber: Number(issue?.number ?? 1),
      previewToken: (await signPreviewToken(Number(first.id))).token,
      searchWord: '',
    };
    const words = nodes.flatMap((n: any) => String(n.slug).split('-')).filter((w: string) => w.length >= 6);
    for (const word of words) {
      const found = await gql(fx.url, `query($q: String!) { search(query: $q, first: 4) { nodes { id } } }`, { q: word });
      if (found.data?.search.nodes.length === 4) {
        demo.searchWord = word;
        break;
      }
    }
    expect(demo.searchWord).not.toBe('');

    // Every article with a lead image, so which articles a page holds does not decide whether media are read at all.
    await editorial.query('UPDATE article SET heroImageId = (SELECT MIN(id) FROM media) WHERE heroImageId IS NULL');
    // And an image in every body, for the same reason.
    const [media] = await editorial.query('SELECT MIN(id) AS id FROM media');
    const bodies = editorial.getRepository(ArticleBody);
    for (const row of await bodies.find()) {
      if (!row.body.some((b) => b.type === 'image')) await bodies.update(row.articleId, { body: [...row.body, { type: 'image', mediaId: Number(media.id) }] });
    }
    // Enough of every kind of child that a page of 4 holds more parents than a page of 2.
    for (const n of nodes) {
      const correction = await gql(fx.url, `mutation($id: ID!) { addArticleCorrection(id: $id, text: "Une date corrigée.") { id } }`, { id: n.id }, staff.headers);
      expect(correction.errors).toBeUndefined();
      await seedComments(fx, Number(n.id), [{ status: 'pending' }, { status: 'pending' }]);
    }
    const queue = await gql(fx.url, `{ commentModerationQueue(first: 6) { nodes { id } } }`, {}, staff.headers);
    const pending = queue.data.commentModerationQueue.nodes.map((c: any) => c.id);
    const approved = await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: pending }, staff.headers);
    expect(approved.errors).toBeUndefined();
    for (let i = 0; i < 5; i++) {
      const ids = nodes.slice(i, i + 3).map((n: any) => n.id);
      const arranged = await gql(fx.url, `mutation($ids: [ID!]!) { arrangeFrontPage(block: HEADLINE, articleIds: $ids) { id } }`, { ids }, staff.headers);
      expect(arranged.errors).toBeUndefined();
    }
    const views = nodes.flatMap((n: any, i: number) => Array.from({ length: 6 - i }, () => ({ articleId: n.id })));
    await gql(fx.url, `mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { __typename } }`, { v: views }, {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    });
    await settleBackgroundWork(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const rootFields = Object.values(apiSchema().getQueryType()!.getFields()).filter((f) => !(f.name in SKIPPED));

  it('covers every root query field', () => {
    const built = rootFields.map((f) => new QueryBuilder(schema, demo, 2).field(f, 1));
    const missing = rootFields.filter((_, i) => built[i] === null).map((f) => f.name);
    expect(missing).toEqual([]);
  });

  it.each(rootFields.map((f) => [f.name]))('%s', async (name) => {
    const field = schema.getQueryType()!.getFields()[name];
    const run = async (pageSize: number) => {
      const query = `query { ${new QueryBuilder(schema, demo, pageSize).field(field, 1)} }`;
      // Once to warm what the first read of an article sets off in the background, then measured.
      await gql(fx.url, query, {}, staff.headers);
      await settleBackgroundWork(fx);
      const { result, count, statements } = await sqlCounter.measure(() => gql(fx.url, query, {}, staff.headers));
      expect(result.errors ?? []).toEqual([]);
      if (process.env.LOG_STATEMENTS === '1') console.log(`${backend} ${name} (${pageSize}):\n${statements.map((q) => q.slice(0, 200)).join('\n')}`);
      return count;
    };
    const small = await run(2);
    const large = await run(4);
    if (process.env.LOG_STATEMENTS === '1') console.log(`${backend} ${name}: ${small} statements with pages of 2, ${large} with pages of 4`);
    // A field resolved per parent costs at least two more with two more parents per level; one
    // more is a batch split in two when subgraphs answer in another order (dataloader ticks).
    expect(large - small).toBeLessThanOrEqual(1);
  });
});
