/**
 * A process cannot start for a reason the operator fixes (a port in use, a malformed setting):
 * the command line prints its message as one line, without a stack trace.
 */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerStartError';
  }
}
