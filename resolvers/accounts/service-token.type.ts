import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceScopeEnum } from './account-enums';

@ObjectType('ServiceToken', { description: 'A credential for a job (analytics, exports). Its secret is never readable after creation.' })
export class ServiceTokenType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: number;

  @Field({ description: 'What the token is for, e.g. "Export nocturne".' })
  name: string;

  @Field(() => [ServiceScopeEnum], { description: 'What it may do.' })
  scopes: string[];

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last exchanged for an access token.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while usable.' })
  revokedAt: Date | null;
}

@ObjectType('CreatedServiceToken', { description: 'A new service token with its secret, shown this once.' })
export class CreatedServiceTokenType {
  @Field(() => ServiceTokenType, { description: 'The token.' })
  serviceToken: ServiceTokenType;

  @Field({ description: 'The secret to give the job; it cannot be read again. Exchange it with `exchangeServiceToken`.' })
  secret: string;
}

@ObjectType('ServiceAccessToken', { description: 'A short-lived access token for a service, carrying its scopes.' })
export class ServiceAccessTokenType {
  @Field({ description: 'Signed access token (JWT): send it as `Authorization: Bearer …`.' })
  accessToken: string;

  @Field({ description: 'When it expires (15 minutes); exchange the secret again then.' })
  expiresAt: Date;

  @Field(() => [ServiceScopeEnum], { description: 'What it may do.' })
  scopes: string[];
}
