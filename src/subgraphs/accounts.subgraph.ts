import type { NonEmptyArray } from 'type-graphql';
import { AccountToken } from '../../entities/accounts/account-token.entity';
import { Newsletter } from '../../entities/accounts/newsletter.entity';
import { NewsletterSubscription } from '../../entities/accounts/newsletter-subscription.entity';
import { RefreshToken } from '../../entities/accounts/refresh-token.entity';
import { ServiceToken } from '../../entities/accounts/service-token.entity';
import { User } from '../../entities/accounts/user.entity';
import { UserRole } from '../../entities/accounts/user-role.entity';
import { accountsReferenceResolvers } from '../../resolvers/accounts/accounts.reference';
import { AuthResolver } from '../../resolvers/accounts/auth.resolver';
import { NewsletterResolver } from '../../resolvers/accounts/newsletter.resolver';
import { ServiceTokenResolver } from '../../resolvers/accounts/service-token.resolver';
import { UserConnectionResolver, UserResolver } from '../../resolvers/accounts/user.resolver';
import { seedAccountsDemo } from '../accounts/accounts-seed';
import { AccountsRuntime } from '../accounts/accounts-runtime';
import { Argon2PasswordHasher } from '../accounts/password-hasher';
import { createRateLimiter } from '../limits/rate-limiter';
import { createMailer } from '../mail/create-mailer';
import { migrations as mysqlMigrations } from '../db/migrations/accounts/mysql';
import { migrations as sqliteMigrations } from '../db/migrations/accounts/sqlite';
import { buildFederatedSchema } from './build-federated-schema';
import { OwnedParts } from './owned-parts';
import type { SubgraphModule } from './subgraph-module';

const resolvers: NonEmptyArray<Function> = [UserResolver, UserConnectionResolver, AuthResolver, ServiceTokenResolver, NewsletterResolver];

/** Users, sessions, roles, service tokens and newsletter subscriptions. */
export const accountsSubgraph: SubgraphModule<'accounts'> = {
  name: 'accounts',
  defaultPort: 4002,
  entities: [User, UserRole, RefreshToken, AccountToken, ServiceToken, Newsletter, NewsletterSubscription],
  migrations: { sqlite: sqliteMigrations, mysql: mysqlMigrations },
  seedDemo: seedAccountsDemo,
  async start(dataSource, config) {
    const env = config.env ?? process.env;
    const given = config.accounts ?? {};
    const owned = new OwnedParts();
    const runtime = new AccountsRuntime(dataSource, {
      hasher: given.hasher ?? new Argon2PasswordHasher(),
      limiter: given.limiter ?? owned.add(createRateLimiter(env)),
      mailer: given.mailer ?? owned.add(createMailer(env)),
    });
    const schema = await buildFederatedSchema({
      resolvers,
      construct: (cls) => new (cls as new (rt: AccountsRuntime) => unknown)(runtime),
      referenceResolvers: accountsReferenceResolvers(runtime),
    }).catch(async (err) => {
      await owned.close();
      throw err;
    });
    return { runtime, schema, routes: {}, stop: () => owned.close() };
  },
};
