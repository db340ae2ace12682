import { jwtVerify, SignJWT } from 'jose';
import { accessTokenKey } from '../auth/token-keys';

/*
 * One-click unsubscribe tokens: a JWT signed with the same key as access tokens but with
 * its own audience and `typ`, so neither kind is accepted as the other. No expiry: a link
 * in a newsletter of three years ago must still unsubscribe. It grants nothing but that.
 */
const AUDIENCE = 'newsroom-unsubscribe';
const TYP = 'unsubscribe';

export async function signUnsubscribeToken(subscriptionId: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: TYP })
    .setSubject(`subscription:${subscriptionId}`)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .sign(accessTokenKey());
}

/** The subscription id a valid unsubscribe token names, or null. */
export async function readUnsubscribeToken(token: string): Promise<number | null> {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, accessTokenKey(), { audience: AUDIENCE, algorithms: ['HS256'], typ: TYP });
    if (protectedHeader.typ !== TYP) return null;
    const match = /^subscription:(\d+)$/.exec(String(payload.sub ?? ''));
    const id = match ? Number(match[1]) : NaN;
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}
