/** Something readers can see changed: caches, the search index and analytics listen. */
export type ContentEvent =
  /** `article.trashed`/`article.restored`: into the trash and out; `article.deleted`: purged for good (drop every row of it). */
  | { type: 'article.created' | 'article.updated' | 'article.published' | 'article.unpublished' | 'article.trashed' | 'article.restored' | 'article.deleted'; articleId: number }
  | { type: 'rubric.changed'; rubricId: number }
  | { type: 'frontpage.changed' }
  /** A comment became visible (posted by a trusted commenter, approved), or left readers' view, or a thread closed or reopened. */
  | { type: 'comment.approved' | 'comment.removed' | 'comment.thread.changed'; articleId: number };

export type ContentListener = (event: ContentEvent) => void | Promise<void>;

/**
 * The in-process event bus (the default). Listeners run after the emitting transaction has
 * committed; a failing listener is logged and never fails the write that emitted the event.
 * Another transport (a queue, Redis streams) plugs in by subscribing here and forwarding.
 */
export class ContentEventBus {
  private readonly listeners = new Set<ContentListener>();

  subscribe(listener: ContentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emit(event: ContentEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (err) {
        console.error('[events] listener failed for', event.type, err);
      }
    }
  }
}

/** The process's bus: every writer of content emits here. */
export const contentEvents = new ContentEventBus();
