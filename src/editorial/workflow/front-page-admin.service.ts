import { In } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { FrontPageArrangement, type FrontPageBlock } from '../../../entities/editorial/front-page-arrangement.entity';
import { FrontPageSlot } from '../../../entities/editorial/front-page-slot.entity';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode } from '../../errors/app-error';
import { recordEvent } from '../../events/event-outbox';
import type { EditorialRuntime } from '../editorial-runtime';
import { HEADLINE_SIZE, SELECTION_SIZE } from '../home-page.service';
import { recordAudit } from './editorial-audit';
import { requireStaff, isEditor } from './editorial-staff';
import { checkEditorialDate, FieldErrors } from './field-errors';

const SIZES: Record<FrontPageBlock, number> = { headline: HEADLINE_SIZE, selection: SELECTION_SIZE };

/** Editors fill and order the curated home-page blocks, now or from a future time. */
export class FrontPageAdminService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  async arrange(block: FrontPageBlock, articleIds: number[], activeFrom: Date | null): Promise<FrontPageArrangement> {
    const viewer = requireStaff(this.ctx);
    if (!isEditor(viewer)) throw new AppError(ErrorCode.Forbidden, 'Editors only');
    const now = new Date();
    const errors = new FieldErrors();
    if (new Set(articleIds).size !== articleIds.length) errors.add('articleIds', 'an article appears twice');
    if (articleIds.length > SIZES[block]) errors.add('articleIds', `the ${block} block has ${SIZES[block]} slots`);
    checkEditorialDate(errors, 'activeFrom', activeFrom, now);
    const found = articleIds.length
      ? await this.rt.dataSource.getRepository(Article).find({ where: { id: In(articleIds) }, select: { id: true, status: true } })
      : [];
    for (const id of articleIds) {
      const a = found.find((f) => f.id === id);
      if (!a) errors.add('articleIds', `unknown article ${id}`);
      else if (!['published', 'scheduled', 'approved'].includes(a.status)) errors.add('articleIds', `article ${id} is ${a.status}`);
    }
    errors.throwIfAny('Invalid arrangement');
    const arrangement = await this.rt.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(FrontPageArrangement).save(
        m.getRepository(FrontPageArrangement).create({ block, activeFrom: activeFrom ?? now, createdAt: now, createdByUserId: viewer.userId }),
      );
      if (articleIds.length) {
        await m.getRepository(FrontPageSlot).insert(articleIds.map((articleId, position) => ({ arrangementId: saved.id, position, articleId })));
      }
      await recordAudit(m, { action: 'frontpage.arrange', entityType: 'front_page', entityId: saved.id, userId: viewer.userId, after: { block, articleIds, activeFrom: saved.activeFrom.toISOString() } }, now);
      await recordEvent(m, { type: 'frontpage.changed' }, now);
      return saved;
    });
    return arrangement;
  }
}
