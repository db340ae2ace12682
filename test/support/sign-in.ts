import type { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../src/accounts/account-bootstrap';
import { seedAccountsDemo } from '../../src/accounts/accounts-seed';
import type { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { ServiceTokenService } from '../../src/accounts/service-token.service';
import { signAccessToken } from '../../src/auth/access-token';
import { Role, type ServiceScope } from '../../src/auth/roles';
import { createRequestContext } from '../../src/context/request-context';
import { MemoryMailer } from '../../src/mail/mailer';
import type { AppHandle } from './newsroom-fixture';

export const TEST_PASSWORD = 'Correct-horse-battery-9';

let sequence = 0;

/** A unique address per call, so suites sharing a database never collide. */
export function uniqueEmail(label = 'user'): string {
  sequence += 1;
  return `${label}.${process.pid}.${sequence}@example.test`;
}

export function accountsDataSource(fx: AppHandle): DataSource {
  return fx.app.dataSources.get('accounts')!;
}

export function accountsRuntime(fx: AppHandle): AccountsRuntime {
  return fx.app.runtime('accounts');
}

/**
 * Seeds the demo newsletters and returns the in-memory mailer the fixture built the accounts
 * subgraph with (newsroom-fixture.ts), where every mail it sends can be read.
 */
export async function prepareAccounts(fx: AppHandle): Promise<MemoryMailer> {
  const { mailer } = accountsRuntime(fx);
  if (!(mailer instanceof MemoryMailer)) throw new Error('This fixture was built with another mailer: read its mail there');
  await seedAccountsDemo(accountsDataSource(fx));
  return mailer;
}

export type SignedIn = { id: number; email: string; password: string; token: string; headers: Record<string, string> };

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a user with roles straight in the accounts database and mints their access token. */
export async function signInAs(fx: AppHandle, roles: Role[] = [], options: { verified?: boolean; label?: string } = {}): Promise<SignedIn> {
  const email = uniqueEmail(options.label ?? (roles[0] ?? 'reader'));
  const user = await bootstrapAccount(accountsDataSource(fx), {
    email,
    password: TEST_PASSWORD,
    displayName: `Test ${roles.join('+') || 'reader'}`,
    roles,
    verified: options.verified ?? true,
  });
  const token = await signAccessToken({ userId: user.id, roles });
  return { id: user.id, email, password: TEST_PASSWORD, token, headers: bearer(token) };
}

/** A service token created by `admin` and exchanged for an access token with `scopes`. */
export async function serviceSignIn(fx: AppHandle, admin: SignedIn, scopes: ServiceScope[]) {
  const rt = accountsRuntime(fx);
  const adminCtx = await createRequestContext(admin.headers, '127.0.0.1');
  const created = await new ServiceTokenService(rt, adminCtx).create(`job ${scopes.join('+')}`, scopes);
  const access = await new ServiceTokenService(rt, await createRequestContext({}, '127.0.0.1')).exchange(created.secret);
  return { id: created.serviceToken.id, secret: created.secret, token: access.accessToken, headers: bearer(access.accessToken) };
}

/** The token of the newest link to `path` (e.g. "/compte/verifier-email") mailed to `to`. */
export function mailedToken(mailer: MemoryMailer, to: string, path: string): string {
  const mail = [...mailer.to(to)].reverse().find((m) => m.text.includes(path));
  const match = mail && new RegExp(`${path}\\?token=([^\\s&]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${path} link mailed to ${to}`);
  return decodeURIComponent(match[1]);
}

export { Role };
