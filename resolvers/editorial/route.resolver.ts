import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../src/context/request-context';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { RouteService } from '../../src/editorial/route.service';
import { RouteResultUnion } from './route.type';

@Resolver()
export class RouteResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Query(() => RouteResultUnion, {
    nullable: true,
    description: 'What a public URL path shows, where it moved, or that it was deleted (GoneRoute); NOT_FOUND for unknown paths.',
  })
  async route(@Arg('path', { description: 'e.g. "/monde/europe/mon-article"' }) path: string, @Ctx() ctx: RequestContext) {
    const target = await new RouteService(this.rt, ctx).resolve(path);
    if (target.kind === 'redirect' || target.kind === 'gone') return { ...target, __route: target.kind };
    return { ...target.node, __route: target.kind };
  }
}
