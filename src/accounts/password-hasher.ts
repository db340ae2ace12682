import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended profile: 19 MiB of memory, 2 passes, 1 lane.
 * About 30 ms per hash on this hardware, so tests run at the production cost; nothing
 * lowers it in any environment. `@node-rs/argon2` ships prebuilt binaries as optional npm
 * dependencies, so no compiler is needed at install.
 */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PARAMS = `$argon2id$v=19$m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters and should be replaced at the next login. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(CURRENT_PARAMS);
}

/**
 * What the accounts subgraph does with passwords, as one object handed to its runtime: the
 * login path goes through it, so a test can count how many passwords were really checked.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  needsRehash(passwordHash: string): boolean;
  /**
   * Verifies against a throw-away hash, so a login for an unknown email costs as long as one
   * with a wrong password and timing does not tell which emails have accounts.
   */
  burn(password: string): Promise<void>;
}

export class Argon2PasswordHasher implements PasswordHasher {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verifyPassword(passwordHash, password);
  }

  needsRehash(passwordHash: string): boolean {
    return needsRehash(passwordHash);
  }

  async burn(password: string): Promise<void> {
    this.dummy ??= hashPassword('not-a-real-password-just-for-timing');
    await verifyPassword(await this.dummy, password);
  }
}
