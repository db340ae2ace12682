import { IsIn, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ALL_ROLES, type Role } from '../../src/auth/roles';
import { RoleEnum } from './account-enums';

@ArgsType()
export class RoleChangeArgs {
  @Field(() => ID, { description: 'The user whose roles change.' })
  @Matches(/^[1-9]\d{0,15}$/, { message: 'userId must be a user id' })
  userId: string;

  @Field(() => RoleEnum, { description: 'The role to grant or revoke.' })
  @IsIn(ALL_ROLES)
  role: Role;
}
