/**
 * What a composition root built itself and must close on stop: a Redis-backed limiter, an
 * SMTP transport. Parts handed in through the configuration belong to the caller (a test
 * shares one mailer across its assertions) and are not added here.
 */
export class OwnedParts {
  private readonly parts: Array<{ close?(): Promise<void> }> = [];

  add<T extends { close?(): Promise<void> }>(part: T): T {
    this.parts.push(part);
    return part;
  }

  /** Closes in reverse order of building; one failure does not keep the others open. */
  async close(): Promise<void> {
    for (const part of this.parts.splice(0).reverse()) {
      await part.close?.().catch((err: unknown) => console.error('[shutdown]', err instanceof Error ? err.message : err));
    }
  }
}
