/**
 * A process cannot start for a reason the operator fixes: a malformed or missing setting, a
 * port in use. Entry points print its message alone, on one line, instead of a stack trace:
 * the fix is in the message, not in the code.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
