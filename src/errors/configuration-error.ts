/**
 * A setting the process cannot start with. Entry points print its message alone, on one
 * line, instead of a stack trace: the operator's fix is in the message, not in the code.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
