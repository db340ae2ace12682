import type { EntityManager } from 'typeorm';

/** Something readers can see changed: caches, the search index and analytics listen. */
export type ContentEvent =
  /** `article.trashed`/`article.restored`: into the trash and out; `article.deleted`: purged for good (drop every row of it). */
  | { type: 'article.created' | 'article.updated' | 'article.published' | 'article.unpublished' | 'article.trashed' | 'article.restored' | 'article.deleted'; articleId: number }
  | { type: 'rubric.changed'; rubricId: number }
  | { type: 'frontpage.changed' }
  /** A comment became visible (posted by a trusted commenter, approved), or left readers' view, or a thread closed or reopened. */
  | { type: 'comment.approved' | 'comment.removed' | 'comment.thread.changed'; articleId: number };

/**
 * How a durable subscription hands over one event: `claim(m)` records the event as applied in
 * the listener's own transaction `m`, and answers false when it already was (a redelivery, or
 * another consumer that got there first), in which case the listener writes nothing. The
 * change and its record then commit or roll back together.
 */
export type Delivery = { eventId: string; claim(m: EntityManager): Promise<boolean> };

export type ContentListener = (event: ContentEvent, delivery?: Delivery) => void | Promise<void>;

/** Something listeners subscribe to: the process's bus, or a durable subscription (durable-subscription.ts). */
export type ContentEventSource = { subscribe(listener: ContentListener): () => void };

/**
 * One process's listeners of content events: each event the process hears (through its
 * transport, from the outboxes of whichever process committed it) is handed to them in
 * order. A failing listener is logged and never stops the others. One bus per process, built
 * in its composition root (events/event-channels.ts).
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
