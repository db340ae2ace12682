/**
 * Creates an account outside the API, with roles: the first admin of a new install.
 *   ACCOUNT_PASSWORD='…' npm run create-account -- --email chef@exemple.fr --name "Chef d'édition" --role admin
 * The password comes from ACCOUNT_PASSWORD so it stays out of the shell history; `--role`
 * may be repeated. The address counts as verified: whoever runs this owns the database.
 */
import 'reflect-metadata';
import { bootstrapAccount } from '../accounts/account-bootstrap';
import { isDuplicateKey } from '../db/duplicate-key';
import { closeDatabases, openDatabases } from '../app/open-databases';
import { ALL_ROLES, type Role } from '../auth/roles';
import { accountsSubgraph } from '../subgraphs/accounts.subgraph';
import { argValue } from './args';

async function main(): Promise<void> {
  const email = argValue('--email');
  const displayName = argValue('--name') ?? email?.split('@')[0];
  const password = process.env.ACCOUNT_PASSWORD;
  const roles = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--role' ? [a] : []));
  const unknown = roles.filter((r) => !ALL_ROLES.includes(r as Role));
  if (!email || !displayName || !password || unknown.length) {
    throw new Error(`usage: ACCOUNT_PASSWORD=… create-account --email <email> [--name <name>] [--role <${ALL_ROLES.join('|')}>]…`);
  }
  const dataSources = await openDatabases([accountsSubgraph]);
  try {
    const user = await bootstrapAccount(dataSources.get('accounts')!, { email, password, displayName, roles: roles as Role[], verified: true }).catch((err) => {
      throw isDuplicateKey(err) ? new Error(`An account already uses ${email}`) : err;
    });
    console.log(`Created user ${user.id} <${user.email}> with roles: ${['reader', ...roles].join(', ')}`);
  } finally {
    await closeDatabases(dataSources);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
