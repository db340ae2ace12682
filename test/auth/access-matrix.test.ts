import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { AuthService } from '../../src/accounts/auth.service';
import { ServiceScope } from '../../src/auth/roles';
import { createRequestContext } from '../../src/context/request-context';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsRuntime, prepareAccounts, Role, serviceSignIn, signInAs, type SignedIn } from '../support/sign-in';

/*
 * Who may call what, for every root field of the composed API. The operations are read from
 * schema/api.graphql, so an operation added to any subgraph fails here until it gets a row.
 * "OK" means the call got past authentication and authorisation: it may still fail for its
 * dummy arguments (BAD_USER_INPUT, NOT_FOUND), but never UNAUTHENTICATED or FORBIDDEN.
 */
const OK = 'allowed';
const NO = 'FORBIDDEN';
const AUTH = 'UNAUTHENTICATED';
type Outcome = typeof OK | typeof NO | typeof AUTH;

const PRINCIPALS = ['anonymous', 'reader', 'journalist', 'editor', 'moderator', 'analyst', 'admin', 'service:export'] as const;
type Principal = (typeof PRINCIPALS)[number];

// Columns in PRINCIPALS order: anonymous, reader, journalist, editor, moderator, analyst, admin, service:export.
const EVERYONE: Outcome[] = [OK, OK, OK, OK, OK, OK, OK, OK];
const SIGNED_IN_PERSON: Outcome[] = [AUTH, OK, OK, OK, OK, OK, OK, NO];
const ADMINS: Outcome[] = [AUTH, NO, NO, NO, NO, NO, OK, NO];
const MODERATORS: Outcome[] = [AUTH, NO, NO, NO, OK, NO, OK, NO];
/** Anyone but a service token: guests comment with a name and an email (when the site allows it). */
const COMMENTERS: Outcome[] = [OK, OK, OK, OK, OK, OK, OK, NO];
const NEWSROOM_STAFF: Outcome[] = [AUTH, NO, OK, OK, NO, NO, OK, NO];
const EDITORS: Outcome[] = [AUTH, NO, NO, OK, NO, NO, OK, NO];
/** Analytics: analysts, admins and service tokens with the read or export scope. */
const ANALYTICS: Outcome[] = [AUTH, NO, NO, NO, NO, OK, OK, OK];
// Gated by the token in its arguments, not by the caller: a forged one is refused for everyone.
const TOKEN_GATED: Outcome[] = [AUTH, AUTH, AUTH, AUTH, AUTH, AUTH, AUTH, AUTH];

const ACCESS: Record<string, Outcome[]> = {
  // editorial: public reading
  'Query.homePage': EVERYONE,
  'Query.article': EVERYONE,
  'Query.articles': EVERYONE,
  'Query.search': EVERYONE,
  'Query.author': EVERYONE,
  'Query.magazineIssue': EVERYONE,
  'Query.magazineIssues': EVERYONE,
  'Query.route': EVERYONE,
  'Query.rubric': EVERYONE,
  'Query.rubrics': EVERYONE,
  'Query.tag': EVERYONE,
  // editorial: the newsroom's admin (per-article rules, e.g. a journalist approving, are tested in test/editorial/workflow)
  'Query.adminArticle': NEWSROOM_STAFF,
  'Query.articleRevisionDiff': NEWSROOM_STAFF,
  'Query.editorialDashboard': NEWSROOM_STAFF,
  'Query.articlePreview': TOKEN_GATED,
  'Query.frontPageArrangements': EDITORS,
  'Query.homePagePreview': EDITORS,
  'Query.editorialAuditLog': ADMINS,
  'Mutation.createArticle': NEWSROOM_STAFF,
  'Mutation.updateArticle': NEWSROOM_STAFF,
  'Mutation.restoreArticleRevision': NEWSROOM_STAFF,
  'Mutation.createArticlePreview': NEWSROOM_STAFF,
  'Mutation.submitArticle': NEWSROOM_STAFF,
  'Mutation.requestArticleChanges': NEWSROOM_STAFF,
  'Mutation.approveArticle': NEWSROOM_STAFF,
  'Mutation.publishArticle': NEWSROOM_STAFF,
  'Mutation.scheduleArticle': NEWSROOM_STAFF,
  'Mutation.unpublishArticle': NEWSROOM_STAFF,
  'Mutation.transitionArticle': NEWSROOM_STAFF,
  // journalists only their own never-published drafts (tested in test/editorial/workflow/trash.test.ts)
  'Mutation.trashArticle': NEWSROOM_STAFF,
  'Mutation.restoreArticle': NEWSROOM_STAFF,
  'Mutation.purgeArticle': ADMINS,
  'Query.trashedArticles': EDITORS,
  'Mutation.addArticleCorrection': EDITORS,
  'Mutation.arrangeFrontPage': EDITORS,
  'Mutation.createAuthor': EDITORS,
  'Mutation.updateAuthor': EDITORS,
  'Mutation.createTag': EDITORS,
  'Mutation.updateTag': EDITORS,
  'Mutation.createMedia': EDITORS,
  'Mutation.updateMedia': EDITORS,
  'Mutation.createMagazineIssue': EDITORS,
  'Mutation.updateMagazineIssue': EDITORS,
  'Mutation.createRubric': ADMINS,
  'Mutation.updateRubric': ADMINS,
  'Mutation.moveRubric': ADMINS,
  'Mutation.archiveRubric': ADMINS,
  // accounts
  'Query.newsletters': EVERYONE,
  'Query.me': SIGNED_IN_PERSON,
  'Query.mySubscriptions': SIGNED_IN_PERSON,
  'Query.users': ADMINS,
  'Query.serviceTokens': ADMINS,
  'Mutation.register': EVERYONE,
  'Mutation.login': EVERYONE,
  'Mutation.refreshSession': EVERYONE,
  'Mutation.logout': EVERYONE,
  'Mutation.changePassword': SIGNED_IN_PERSON,
  'Mutation.requestPasswordReset': EVERYONE,
  'Mutation.resetPassword': EVERYONE,
  'Mutation.requestEmailVerification': SIGNED_IN_PERSON,
  'Mutation.verifyEmail': EVERYONE,
  'Mutation.subscribeNewsletter': EVERYONE,
  'Mutation.confirmNewsletterSubscription': EVERYONE,
  'Mutation.unsubscribeNewsletter': EVERYONE,
  'Mutation.grantRole': ADMINS,
  'Mutation.revokeRole': ADMINS,
  'Mutation.createServiceToken': ADMINS,
  'Mutation.revokeServiceToken': ADMINS,
  'Mutation.exchangeServiceToken': EVERYONE,
  // discussion
  'Query.commentModerationQueue': MODERATORS,
  'Query.commentModerationLog': MODERATORS,
  'Mutation.postComment': COMMENTERS,
  'Mutation.editComment': SIGNED_IN_PERSON,
  'Mutation.deleteComment': SIGNED_IN_PERSON,
  'Mutation.likeComment': SIGNED_IN_PERSON,
  'Mutation.unlikeComment': SIGNED_IN_PERSON,
  'Mutation.reportComment': SIGNED_IN_PERSON,
  'Mutation.approveComments': MODERATORS,
  'Mutation.rejectComments': MODERATORS,
  'Mutation.markCommentsAsSpam': MODERATORS,
  'Mutation.banCommenter': MODERATORS,
  'Mutation.liftCommenterBan': MODERATORS,
  'Mutation.closeCommentThread': MODERATORS,
  'Mutation.reopenCommentThread': MODERATORS,
  // audience: rankings and page views are public, the change feed is analytics
  'Query.trending': EVERYONE,
  'Query.mostRead': EVERYONE,
  'Mutation.recordPageViews': EVERYONE,
  'Query.articleChanges': ANALYTICS,
};

const api = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
const ROOT_FIELDS: Array<{ key: string; operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> = [
  ...Object.values(api.getQueryType()!.getFields()).map((field) => ({ key: `Query.${field.name}`, operation: 'query' as const, field })),
  ...Object.values(api.getMutationType()?.getFields() ?? {}).map((field) => ({ key: `Mutation.${field.name}`, operation: 'mutation' as const, field })),
];

/** A value of the right type for a required argument; what it means does not matter here. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, dummy(f.type)]));
  }
  switch (type.name) {
    case 'ID':
      return '999999';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

/** One operation calling `field` with its required arguments as variables. */
function operationFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const defs = required.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const text = `${operation}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { text, variables: Object.fromEntries(required.map((a) => [a.name, dummy(a.type)])) };
}

describe.each(backends())('access matrix over every root field (%s)', (backend) => {
  let fx: NewsroomFixture;
  const headers = {} as Record<Principal, Record<string, string>>;
  let loginTarget: SignedIn;
  let serviceSecret: string;

  /** Arguments that must be real for the call to get as far as "allowed" (credentials are checked by the operation itself). */
  const realArguments: Record<string, () => Promise<Record<string, unknown>>> = {
    'Mutation.login': async () => ({ email: loginTarget.email, password: loginTarget.password }),
    'Mutation.refreshSession': async () => {
      const ctx = await createRequestContext({}, '192.0.2.1');
      return { refreshToken: (await new AuthService(accountsRuntime(fx), ctx).login(loginTarget.email, loginTarget.password)).refreshToken };
    },
    'Mutation.exchangeServiceToken': async () => ({ secret: serviceSecret }),
  };

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'access_matrix', 20);
    await prepareAccounts(fx);
    const roles: Record<Exclude<Principal, 'anonymous' | 'service:export'>, Role[]> = {
      reader: [],
      journalist: [Role.Journalist],
      editor: [Role.Editor],
      moderator: [Role.Moderator],
      analyst: [Role.Analyst],
      admin: [Role.Admin],
    };
    headers.anonymous = {};
    for (const [principal, granted] of Object.entries(roles)) headers[principal as Principal] = (await signInAs(fx, granted)).headers;
    const admin = await signInAs(fx, [Role.Admin]);
    const service = await serviceSignIn(fx, admin, [ServiceScope.Export]);
    headers['service:export'] = service.headers;
    serviceSecret = service.secret;
    loginTarget = await signInAs(fx, [], { label: 'login-target' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('has exactly one row per root field of the API', () => {
    const fields = ROOT_FIELDS.map((f) => f.key);
    expect({ missingRows: fields.filter((f) => !(f in ACCESS)), rowsWithoutField: Object.keys(ACCESS).filter((k) => !fields.includes(k)) }).toEqual({
      missingRows: [],
      rowsWithoutField: [],
    });
  });

  it.each(ROOT_FIELDS.map((f) => [f.key, f] as const))('%s', async (key, { operation, field }) => {
    const expected = ACCESS[key];
    if (!expected) throw new Error(`${key} has no row in ACCESS: decide who may call it`);
    const op = operationFor(operation, field);
    const actual = {} as Record<Principal, Outcome>;
    for (const principal of PRINCIPALS) {
      const variables = { ...op.variables, ...(await realArguments[key]?.()) };
      const res = await gql(fx.url, op.text, variables, headers[principal]);
      const codes = errorCodes(res);
      // Dummy arguments may fail, but only as client errors the schema accepts.
      expect({ principal, codes: codes.filter((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'GRAPHQL_VALIDATION_FAILED') }).toEqual({ principal, codes: [] });
      actual[principal] = codes.includes(AUTH) ? AUTH : codes.includes(NO) ? NO : OK;
    }
    expect(actual).toEqual(Object.fromEntries(PRINCIPALS.map((p, i) => [p, expected[i]])));
  });
});
