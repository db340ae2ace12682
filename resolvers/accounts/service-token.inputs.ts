import { ArrayMaxSize, ArrayMinSize, IsIn, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ServiceScope } from '../../src/auth/roles';
import { ServiceScopeEnum } from './account-enums';

@ArgsType()
export class CreateServiceTokenArgs {
  @Field({ description: 'What the token is for, 1 to 80 characters.' })
  @Length(1, 80)
  @Matches(/\S/, { message: 'name cannot be blank' })
  name: string;

  @Field(() => [ServiceScopeEnum], { description: 'What it may do (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsIn(Object.values(ServiceScope), { each: true })
  scopes: ServiceScope[];
}

@ArgsType()
export class ServiceTokenIdArgs {
  @Field(() => ID, { description: 'The service token.' })
  @Matches(/^[1-9]\d{0,15}$/, { message: 'id must be a service token id' })
  id: string;
}

@ArgsType()
export class ExchangeServiceTokenArgs {
  @Field({ description: 'The secret given at creation.' })
  @Length(1, 200)
  secret: string;
}
