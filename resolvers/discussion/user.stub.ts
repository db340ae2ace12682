import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts' User, referenced by id only (comment authors, moderators); the gateway fetches its fields from accounts. */
@ObjectType('User')
@Directive('@key(fields: "id", resolvable: false)')
export class UserStub {
  @Field(() => ID)
  id: number;
}
