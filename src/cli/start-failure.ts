import { ConfigurationError } from '../errors/configuration-error';

/**
 * How every long-running command ends when it cannot start: an operator's mistake (port in
 * use, malformed setting) as one line on stderr, anything else with its stack; exit code 1.
 */
export function exitOnStartFailure(err: unknown): never {
  console.error(err instanceof ConfigurationError ? err.message : err);
  process.exit(1);
}
