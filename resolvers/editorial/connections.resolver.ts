import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ArticleConnectionType, MagazineIssueConnectionType } from './connections.type';

@Resolver(() => ArticleConnectionType)
export class ArticleConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: ConnectionPage<unknown>): Promise<number> {
    return page.totalCount();
  }
}

@Resolver(() => MagazineIssueConnectionType)
export class MagazineIssueConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: ConnectionPage<unknown>): Promise<number> {
    return page.totalCount();
  }
}
