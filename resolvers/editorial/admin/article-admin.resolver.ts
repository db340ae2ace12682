import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import type { Article } from '../../../entities/editorial/article.entity';
import type { ArticleCorrection } from '../../../entities/editorial/article-correction.entity';
import { ArticleRevision } from '../../../entities/editorial/article-revision.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { ArticleEditorService } from '../../../src/editorial/workflow/article-editor.service';
import { ArticleAdminReader } from '../../../src/editorial/workflow/article-admin-reader';
import { diffSnapshots, type ArticleSnapshot } from '../../../src/editorial/workflow/article-snapshot';
import { signPreviewToken, verifyPreviewToken } from '../../../src/editorial/workflow/preview-token';
import { absoluteUrl } from '../../../src/editorial/public-paths';
import { notFound } from '../../../src/errors/app-error';
import { toId } from '../../../src/graphql/ids';
import { ArticleType } from '../article.type';
import { ArticleInput } from './article-admin.inputs';
import { ArticleRevisionType, CorrectionType, FieldChangeType, PreviewLinkType } from './article-admin.types';

const STAFF = [Role.Journalist, Role.Editor, Role.Admin];

/** Writing and reviewing articles; who may do what to which article is decided in the services. */
@Resolver(() => ArticleType)
export class ArticleAdminResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'A new draft. A journalist signs it by default.' })
  createArticle(@Arg('input', () => ArticleInput) input: ArticleInput, @Ctx() ctx: RequestContext): Promise<Article> {
    return new ArticleEditorService(this.rt, ctx).create(input);
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Saves changes made on top of `version`; CONFLICT (with currentVersion) if someone saved since.' })
  updateArticle(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ArticleInput) input: ArticleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Article> {
    return new ArticleEditorService(this.rt, ctx).update(toId(id), version, input);
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Brings back a past revision as a new one.' })
  restoreArticleRevision(
    @Arg('id', () => ID) id: string,
    @Arg('revision', () => Int) revision: number,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Article> {
    return new ArticleEditorService(this.rt, ctx).restore(toId(id), revision, version);
  }

  @Authorized(Role.Editor, Role.Admin)
  @Mutation(() => CorrectionType, { description: 'Adds a public, dated correction note to an article.' })
  addArticleCorrection(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: RequestContext): Promise<ArticleCorrection> {
    return new ArticleEditorService(this.rt, ctx).addCorrection(toId(id), text);
  }

  @Authorized(...STAFF)
  @Mutation(() => PreviewLinkType, { description: 'A signed, expiring link that shows the article as readers would, whatever its status.' })
  async createArticlePreview(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PreviewLinkType> {
    const article = await new ArticleAdminReader(this.rt, ctx).byId(toId(id));
    if (article.trashedAt) throw notFound('Article', { id });
    const { token, expiresAt } = await signPreviewToken(article.id);
    return { token, expiresAt, url: absoluteUrl(`/preview?token=${encodeURIComponent(token)}`) };
  }

  @Query(() => ArticleType, { nullable: true, description: 'The article a preview link shows; UNAUTHENTICATED when the link is expired or forged.' })
  async articlePreview(@Arg('token') token: string, @Ctx() ctx: RequestContext): Promise<Article> {
    const id = await verifyPreviewToken(token);
    const article = await this.rt.loaders(ctx).articleById.load(id);
    // A link shows a draft to whoever holds it, but never what was thrown away since.
    if (!article || article.trashedAt) throw notFound('Article', { id });
    return article;
  }

  @Authorized(...STAFF)
  @Query(() => ArticleType, { nullable: true, description: 'Any article you may work on, whatever its status.' })
  adminArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Article> {
    return new ArticleAdminReader(this.rt, ctx).byId(toId(id));
  }

  @Authorized(...STAFF)
  @Query(() => [FieldChangeType], { description: 'What changed between two revisions, field by field.' })
  async articleRevisionDiff(
    @Arg('id', () => ID) id: string,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int) to: number,
    @Ctx() ctx: RequestContext,
  ): Promise<FieldChangeType[]> {
    const article = await new ArticleAdminReader(this.rt, ctx).byId(toId(id));
    const rows = await this.rt.dataSource.getRepository(ArticleRevision).find({ where: { articleId: article.id, number: In([from, to]) } });
    const a = rows.find((r) => r.number === from);
    const b = rows.find((r) => r.number === to);
    if (!a || !b) throw notFound('Revision', { articleId: article.id, from, to });
    return diffSnapshots(a.snapshot as ArticleSnapshot, b.snapshot as ArticleSnapshot);
  }

  @FieldResolver(() => [CorrectionType], { description: 'Public correction notes, oldest first.' })
  corrections(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ArticleCorrection[]> {
    return this.rt.loaders(ctx).correctionsByArticle.load(article.id);
  }

  @Authorized(...STAFF)
  @FieldResolver(() => [ArticleRevisionType], { description: 'Every saved state, newest first (newsroom staff only).' })
  revisions(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ArticleRevision[]> {
    return this.rt.loaders(ctx).revisionsByArticle.load(article.id);
  }
}
