import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { AudienceRuntime } from '../../src/audience/audience-runtime';
import { PageViewIngestService, type IngestReceipt } from '../../src/audience/page-view-ingest.service';
import type { RequestContext } from '../../src/context/request-context';
import { RecordPageViewsArgs } from './page-view.inputs';
import { PageViewReceiptType } from './page-view.type';

@Resolver()
export class PageViewResolver {
  constructor(private readonly rt: AudienceRuntime) {}

  @Mutation(() => PageViewReceiptType, {
    description:
      'Counts page views (public: pages call it, or POST them to /beacon). Robots are ignored, and a client (the signed-in user, else address and browser) counts at most once per article in 30 minutes. Each address may call it 600 times a minute (TOO_MANY_REQUESTS beyond); service tokens with the INGEST scope are not throttled or de-duplicated.',
  })
  recordPageViews(@Args() { views }: RecordPageViewsArgs, @Ctx() ctx: RequestContext): Promise<IngestReceipt> {
    return new PageViewIngestService(this.rt).ingest(views, { ip: ctx.ip, userAgent: ctx.headers['user-agent'], viewer: ctx.viewer });
  }
}
