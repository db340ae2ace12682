import { Arg, Args, Authorized, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import { Role } from '../../../src/auth/roles';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../../../src/graphql/connection';
import { toId } from '../../../src/graphql/ids';
import { ConnectionArgs } from '../../shared/connection.args';
import { PageInfoType } from '../../shared/page-info.type';

@ObjectType('EditorialAuditEntry', { description: 'One editorial change: who, what, when, before and after.' })
export class EditorialAuditEntryType {
  @Field(() => ID)
  id: number;

  @Field({ description: 'e.g. article.update, article.publish, rubric.move, frontpage.arrange.' })
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID, { nullable: true })
  entityId: number | null;

  @Field(() => ID, { nullable: true, description: 'The account; null for the scheduler.' })
  userId: number | null;

  @Field(() => GraphQLJSON, { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('EditorialAuditEntryEdge')
class EditorialAuditEntryEdgeType {
  @Field()
  cursor: string;

  @Field(() => EditorialAuditEntryType)
  node: EditorialAuditEntryType;
}

@ObjectType('EditorialAuditConnection', { description: 'A page of the audit log, newest first.' })
class EditorialAuditConnectionType {
  @Field(() => [EditorialAuditEntryEdgeType])
  edges: unknown[];

  @Field(() => [EditorialAuditEntryType])
  nodes: unknown[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Entries matching the filters; counted only when selected.' })
  totalCount: number;
}

@Resolver(() => EditorialAuditConnectionType)
export class AuditLogResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(Role.Admin)
  @Query(() => EditorialAuditConnectionType, { description: 'The append-only editorial audit log (admins).' })
  async editorialAuditLog(
    @Args() { first, after }: ConnectionArgs,
    @Arg('entityType', () => String, { nullable: true }) entityType: string | null,
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
  ) {
    const limit = pageSize(first);
    const filtered = this.rt.dataSource.getRepository(EditorialAuditEntry).createQueryBuilder('e');
    if (entityType) filtered.andWhere('e.entityType = :entityType', { entityType });
    if (entityId !== null && entityId !== undefined) filtered.andWhere('e.entityId = :entityId', { entityId: toId(entityId, 'entityId') });
    const page = filtered.clone().orderBy('e.id', 'DESC').take(limit + 1);
    if (after) page.andWhere('e.id < :cursor', { cursor: decodeCursor(after, ['number'])[0] });
    const rows = await page.getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.id]), node }));
    return new ConnectionPage(edges, rows.length > limit, () => filtered.getCount(), Boolean(after));
  }

  @FieldResolver(() => Int)
  totalCount(@Root() page: ConnectionPage<unknown>): Promise<number> {
    return page.totalCount();
  }
}
