import type { Article } from '../../../entities/editorial/article.entity';
import type { RequestContext } from '../../context/request-context';
import { notFound } from '../../errors/app-error';
import { ArticleStore } from '../article-store';
import type { EditorialRuntime } from '../editorial-runtime';
import { actorOn, requireStaff } from './editorial-staff';

/** Reads for the admin: any status, but only articles the viewer may work on (NOT_FOUND otherwise). */
export class ArticleAdminReader {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  async byId(id: number): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const m = this.rt.dataSource.manager;
    const article = await this.rt.loaders(this.ctx).articleById.load(id);
    if (!article) throw notFound('Article', { id });
    const { authorIds } = await new ArticleStore(this.rt.dataSource).relationsOf(m, id);
    try {
      await actorOn(m, viewer, authorIds);
    } catch {
      throw notFound('Article', { id });
    }
    return article;
  }
}
