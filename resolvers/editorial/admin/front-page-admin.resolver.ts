import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { FrontPageArrangement, type FrontPageBlock } from '../../../entities/editorial/front-page-arrangement.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { FrontPageAdminService } from '../../../src/editorial/workflow/front-page-admin.service';
import { DEFAULT_PAGE_SIZE, pageSize } from '../../../src/graphql/connection';
import { toIds } from '../../../src/graphql/ids';
import { HomePageType } from '../home-page.type';

export enum FrontPageBlockEnum {
  HEADLINE = 'headline',
  SELECTION = 'selection',
}
registerEnumType(FrontPageBlockEnum, { name: 'FrontPageBlock', description: 'A curated home-page block: "À la une" or "Notre sélection".' });

/** The stored name of each GraphQL block value (a map, so a new enum value without a stored name fails to compile). */
const STORED_BLOCK: Record<FrontPageBlockEnum, FrontPageBlock> = { [FrontPageBlockEnum.HEADLINE]: 'headline', [FrontPageBlockEnum.SELECTION]: 'selection' };

@ObjectType('FrontPageArrangement', { description: 'One arrangement of a curated block, live from `activeFrom` until a newer one starts.' })
export class FrontPageArrangementType {
  @Field(() => ID)
  id: number;

  @Field(() => FrontPageBlockEnum)
  block: FrontPageBlockEnum;

  @Field(() => Date)
  activeFrom: Date;

  @Field(() => Date)
  createdAt: Date;
}

const EDITORS = [Role.Editor, Role.Admin];

@Resolver(() => FrontPageArrangementType)
export class FrontPageAdminResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(...EDITORS)
  @Mutation(() => FrontPageArrangementType, {
    description: 'Fills a curated block with articles in order, now or from `activeFrom`; slots left empty show the latest published.',
  })
  arrangeFrontPage(
    @Arg('block', () => FrontPageBlockEnum) block: FrontPageBlockEnum,
    @Arg('articleIds', () => [ID]) articleIds: string[],
    @Arg('activeFrom', () => Date, { nullable: true }) activeFrom: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FrontPageArrangement> {
    return new FrontPageAdminService(this.rt, ctx).arrange(STORED_BLOCK[block], toIds(articleIds, 'articleIds'), activeFrom);
  }

  @Authorized(...EDITORS)
  @Query(() => [FrontPageArrangementType], { description: 'Arrangements of a block, newest first (past, live and scheduled).' })
  frontPageArrangements(
    @Arg('block', () => FrontPageBlockEnum) block: FrontPageBlockEnum,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: 'How many, 0 to 100 (BAD_USER_INPUT beyond).' }) first: number,
  ): Promise<FrontPageArrangement[]> {
    return this.rt.dataSource
      .getRepository(FrontPageArrangement)
      .find({ where: { block: STORED_BLOCK[block] }, order: { activeFrom: 'DESC', id: 'DESC' }, take: pageSize(first) });
  }

  @Authorized(...EDITORS)
  @Query(() => HomePageType, { description: 'The home page as it will look at `at` (e.g. a scheduled arrangement).' })
  homePagePreview(@Arg('at', () => Date) at: Date): { id: string; at: Date } {
    return { id: 'home', at };
  }

  @FieldResolver(() => [ID], { description: 'The articles in slot order.' })
  articleIds(@Root() arrangement: FrontPageArrangement, @Ctx() ctx: RequestContext): Promise<number[]> {
    return this.rt.loaders(ctx).articleIdsByArrangement.load(arrangement.id);
  }
}
