import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type';

@ObjectType('User', {
  description: 'A person with an account. Only the user themself and admins read the private fields (email, roles, verification); others get null.',
})
@Directive('@key(fields: "id")')
export class UserType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field({ description: 'Public name shown with their comments and activity.' })
  displayName: string;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;
}

@ObjectType('UserEdge', { description: 'A user in a page of users.' })
export class UserEdgeType {
  @Field({ description: 'Opaque cursor of this edge.' })
  cursor: string;

  @Field(() => UserType, { description: 'The user.' })
  node: unknown;
}

@ObjectType('UserConnection', { description: 'A page of users, oldest account first.' })
export class UserConnectionType {
  @Field(() => [UserEdgeType], { description: 'Users with their cursors.' })
  edges: unknown[];

  @Field(() => [UserType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
  nodes: unknown[];

  @Field(() => PageInfoType, { description: 'Pagination state.' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Number of accounts; counted only when selected.' })
  totalCount: number;
}
