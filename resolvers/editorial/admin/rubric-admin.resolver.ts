import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Rubric } from '../../../entities/editorial/rubric.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { RubricAdminService } from '../../../src/editorial/workflow/rubric-admin.service';
import { toId } from '../../../src/graphql/ids';
import { RubricType } from '../rubric.type';

@InputType('RubricInput', { description: 'Fields of a rubric; on update, absent fields keep their value.' })
export class RubricInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'URL segment; derived from the name when absent on create.' })
  @IsOptional()
  @MaxLength(1000)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;
}

/** Rubric management is an admin task; every change keeps old URLs redirecting. */
@Resolver()
export class RubricAdminResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(Role.Admin)
  @Mutation(() => RubricType, { description: 'A new rubric, top-level or under `parentId`.' })
  createRubric(
    @Arg('input', () => RubricInput) input: RubricInput,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Arg('position', () => Int, { nullable: true }) position: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Rubric> {
    return new RubricAdminService(this.rt, ctx).create(input, parentId ? toId(parentId, 'parentId') : null, position);
  }

  @Authorized(Role.Admin)
  @Mutation(() => RubricType, { description: 'Renames a rubric or changes its slug (old paths redirect).' })
  updateRubric(@Arg('id', () => ID) id: string, @Arg('input', () => RubricInput) input: RubricInput, @Ctx() ctx: RequestContext): Promise<Rubric> {
    return new RubricAdminService(this.rt, ctx).update(toId(id), input);
  }

  @Authorized(Role.Admin)
  @Mutation(() => RubricType, { description: 'Moves a rubric and its subtree under another parent (null: top level) and/or to a position among its siblings.' })
  moveRubric(
    @Arg('id', () => ID) id: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Arg('position', () => Int, { nullable: true }) position: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Rubric> {
    return new RubricAdminService(this.rt, ctx).move(toId(id), parentId ? toId(parentId, 'parentId') : null, position);
  }

  @Authorized(Role.Admin)
  @Mutation(() => RubricType, { description: 'Takes a rubric out of the menus (or back); its pages and articles keep working.' })
  archiveRubric(@Arg('id', () => ID) id: string, @Arg('archived', { defaultValue: true }) archived: boolean, @Ctx() ctx: RequestContext): Promise<Rubric> {
    return new RubricAdminService(this.rt, ctx).archive(toId(id), archived);
  }
}
