import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Author } from '../../../entities/editorial/author.entity';
import type { MagazineIssue } from '../../../entities/editorial/magazine-issue.entity';
import type { Media } from '../../../entities/editorial/media.entity';
import type { Tag } from '../../../entities/editorial/tag.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { TaxonomyAdminService } from '../../../src/editorial/workflow/taxonomy-admin.service';
import { toId } from '../../../src/graphql/ids';
import { AuthorType } from '../author.type';
import { MagazineIssueType } from '../magazine-issue.type';
import { MediaType } from '../media.type';
import { TagType } from '../tag.type';
import { AuthorInput, MagazineIssueInput, MediaInput, TagInput } from './taxonomy-admin.inputs';

const EDITORS = [Role.Editor, Role.Admin];
const optionalId = (v: string | null | undefined, name: string) => (v === undefined ? undefined : v === null ? null : toId(v, name));

/** Authors, tags, media and magazine issues, managed by editors. */
@Resolver()
export class TaxonomyAdminResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  private service(ctx: RequestContext) {
    return new TaxonomyAdminService(this.rt, ctx);
  }

  private author(input: AuthorInput) {
    return { ...input, avatarId: optionalId(input.avatarId, 'avatarId'), userId: optionalId(input.userId, 'userId'), socialLinks: input.socialLinks ? { ...input.socialLinks } : input.socialLinks };
  }

  private issue(input: MagazineIssueInput) {
    return { ...input, coverId: optionalId(input.coverId, 'coverId'), featuredArticleIds: input.featuredArticleIds?.map((id) => toId(id, 'featuredArticleIds')) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => AuthorType, { description: 'A new byline profile.' })
  createAuthor(@Arg('input', () => AuthorInput) input: AuthorInput, @Ctx() ctx: RequestContext): Promise<Author> {
    return this.service(ctx).saveAuthor(null, this.author(input));
  }

  @Authorized(...EDITORS)
  @Mutation(() => AuthorType, { description: 'Edits a byline profile (link it to an account with `userId`).' })
  updateAuthor(@Arg('id', () => ID) id: string, @Arg('input', () => AuthorInput) input: AuthorInput, @Ctx() ctx: RequestContext): Promise<Author> {
    return this.service(ctx).saveAuthor(toId(id), this.author(input));
  }

  @Authorized(...EDITORS)
  @Mutation(() => TagType, { description: 'A new tag.' })
  createTag(@Arg('input', () => TagInput) input: TagInput, @Ctx() ctx: RequestContext): Promise<Tag> {
    return this.service(ctx).saveTag(null, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TagType, { description: 'Renames a tag.' })
  updateTag(@Arg('id', () => ID) id: string, @Arg('input', () => TagInput) input: TagInput, @Ctx() ctx: RequestContext): Promise<Tag> {
    return this.service(ctx).saveTag(toId(id), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MediaType, { description: 'Registers an image of the media library.' })
  createMedia(@Arg('input', () => MediaInput) input: MediaInput, @Ctx() ctx: RequestContext): Promise<Media> {
    return this.service(ctx).saveMedia(null, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MediaType, { description: 'Edits an image: alt text, credit, caption, focal point.' })
  updateMedia(@Arg('id', () => ID) id: string, @Arg('input', () => MediaInput) input: MediaInput, @Ctx() ctx: RequestContext): Promise<Media> {
    return this.service(ctx).saveMedia(toId(id), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MagazineIssueType, { description: 'A new print issue.' })
  createMagazineIssue(@Arg('input', () => MagazineIssueInput) input: MagazineIssueInput, @Ctx() ctx: RequestContext): Promise<MagazineIssue> {
    return this.service(ctx).saveMagazineIssue(null, this.issue(input));
  }

  @Authorized(...EDITORS)
  @Mutation(() => MagazineIssueType, { description: 'Edits a print issue and its featured articles.' })
  updateMagazineIssue(@Arg('id', () => ID) id: string, @Arg('input', () => MagazineIssueInput) input: MagazineIssueInput, @Ctx() ctx: RequestContext): Promise<MagazineIssue> {
    return this.service(ctx).saveMagazineIssue(toId(id), this.issue(input));
  }
}
