import { randomBytes } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { User } from '../../entities/accounts/user.entity';
import { bootstrapAccount } from '../accounts/account-bootstrap';
import { passwordWeakness } from '../accounts/password-policy';
import { Role } from '../auth/roles';

export type DemoStaffAccount = { role: Role; email: string; displayName: string; password: string };

/** Demo addresses live under a reserved TLD (RFC 2606), so no mail can ever reach a real person. */
export const DEMO_STAFF_DOMAIN = 'demo.newsroom.test';

const STAFF: Array<{ role: Role; displayName: string }> = [
  { role: Role.Admin, displayName: 'Administratrice démo' },
  { role: Role.Editor, displayName: 'Rédacteur en chef démo' },
  { role: Role.Journalist, displayName: 'Journaliste démo' },
  { role: Role.Moderator, displayName: 'Modératrice démo' },
  { role: Role.Analyst, displayName: 'Analyste démo' },
];

export function demoStaffEmail(role: Role): string {
  return `${role}@${DEMO_STAFF_DOMAIN}`;
}

function randomPassword(email: string): string {
  // 96 random bits; drawn again in the (astronomically rare) case the policy dislikes one.
  for (;;) {
    const password = randomBytes(12).toString('base64url');
    if (!passwordWeakness(password, email)) return password;
  }
}

/**
 * One account per staff role (admin, editor, journalist, moderator, analyst) with a random
 * password, so a developer can sign in as each role from the first start. Returns the accounts
 * it created, passwords in clear, for the caller to print once: they are stored only as hashes.
 * Creates nothing in production, nor when any demo staff account already exists (so a restart
 * never resets a password someone is using).
 */
export async function createDemoStaffAccounts(ds: DataSource, options: { production: boolean }): Promise<DemoStaffAccount[]> {
  if (options.production) return [];
  const emails = STAFF.map((s) => demoStaffEmail(s.role));
  if ((await ds.getRepository(User).countBy({ email: In(emails) })) > 0) return [];
  const created: DemoStaffAccount[] = [];
  for (const { role, displayName } of STAFF) {
    const email = demoStaffEmail(role);
    const password = randomPassword(email);
    await bootstrapAccount(ds, { email, password, displayName, roles: [role], verified: true });
    created.push({ role, email, displayName, password });
  }
  return created;
}

/** The lines `npm start` prints once, on the start that created the accounts. */
export function formatDemoStaffAccounts(accounts: DemoStaffAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    'Demo staff accounts (passwords shown only now; sign in with the "login" mutation):',
    ...accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(width)}  ${a.password}`),
  ].join('\n');
}
