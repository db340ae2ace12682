import { Field, ObjectType } from 'type-graphql';
import { UserType } from './user.type';

@ObjectType('AuthPayload', {
  description: 'A signed-in session: send `accessToken` as `Authorization: Bearer …`; before it expires, trade `refreshToken` for a new pair with `refreshSession`.',
})
export class AuthPayloadType {
  @Field({ description: 'Signed access token (JWT), valid 15 minutes, accepted by every subgraph.' })
  accessToken: string;

  @Field({ description: 'When `accessToken` expires.' })
  expiresAt: Date;

  @Field({ description: 'Single-use refresh token: each refresh returns a new one and retires this one. Keep it secret.' })
  refreshToken: string;

  @Field({ description: 'When `refreshToken` expires if unused (30 days).' })
  refreshTokenExpiresAt: Date;

  @Field(() => UserType, { description: 'The signed-in user.' })
  user: unknown;
}
