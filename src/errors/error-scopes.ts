import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorScope } from './format-error';

/**
 * Which request an error belongs to, for formatError (Apollo calls it with the error alone).
 *
 * This used to be an AsyncLocalStorage around each request. On Node 20 any AsyncLocalStorage in
 * use turns on promise hooks for the whole process, and every promise then pays for them: taking
 * it (and the one in SerializedSqliteDataSource) away raised the uncached rubric page from
 * 640 to 720 req/s (`npm run bench`'s server, SQLite, 10k articles). So each error is tied to
 * its request instead:
 * - errors of a request's pipeline through `didEncounterErrors`, which Apollo calls with the
 *   request's context before it formats them;
 * - a failure to build the context, by the host's context function (`own`);
 * - anything else Apollo answers outside the request's pipeline hooks (a `variables` string, a
 *   plugin failing in `requestDidStart`) has no request here: its request id is written as
 *   `pendingId`, which the HTTP route replaces with the request's own id in that answer
 *   (`fillPendingIds`), and an unexpected one is logged without an id (its access log line,
 *   a 500, has it).
 */
export class ErrorScopes {
  /** Where a context keeps its scope: a property, since Apollo hands plugins a shallow copy of the context. */
  private readonly key = Symbol('errorScope');
  private readonly byError = new WeakMap<object, ErrorScope>();
  /** Stands for the request id of an error with no known request; unguessable, so no client text is taken for it. */
  readonly pendingId = `request-id-${randomUUID()}`;

  /** The context Apollo will pass to plugins for this request. */
  bind(contextValue: object, scope: ErrorScope): void {
    Object.defineProperty(contextValue, this.key, { value: scope, enumerable: true });
  }

  /** An error thrown before Apollo has the request's context (the context function's own). */
  own(error: unknown, scope: ErrorScope): void {
    if (error && typeof error === 'object') this.byError.set(error, scope);
  }

  /** The request of an error Apollo formats (or of the error it wraps). */
  of(error: unknown): ErrorScope | undefined {
    if (!error || typeof error !== 'object') return undefined;
    return this.byError.get(error) ?? this.of((error as { originalError?: unknown }).originalError);
  }

  /** Ties each error of a request to it before Apollo formats them. */
  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    const scopes = this;
    return {
      async requestDidStart() {
        return {
          async didEncounterErrors({ errors, contextValue }) {
            const scope = (contextValue as Record<symbol, ErrorScope | undefined>)[scopes.key];
            if (scope) for (const error of errors) scopes.byError.set(error, scope);
          },
        };
      },
    };
  }

  /** `body` with the stand-in id of request-less errors replaced by this request's id. */
  fillPendingIds(body: string, requestId: string): string {
    return body.includes(this.pendingId) ? body.replaceAll(this.pendingId, JSON.stringify(requestId).slice(1, -1)) : body;
  }
}
