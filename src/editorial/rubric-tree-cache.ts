import type { ContentEventSource } from '../events/content-events';
import type { RubricTree } from './rubric-tree';

/**
 * The rubric tree kept between requests. Rubrics change a few times a year and every page
 * shows them (menus, breadcrumbs, card paths), so reading the whole table on every request
 * was a statement of each page and, on the rubric page, a sixth of its CPU.
 *
 * Correctness: every rubric write commits a `rubric.changed` event in the same transaction
 * (rubric-admin.service.ts); every process hears it through its event channels, the same way
 * the response cache is purged, and drops the tree. The writing process also drops it as soon
 * as its transaction commits, so its own next read never waits for the broker. A read that
 * started before a drop is never kept: the drop replaces the pending promise.
 */
export class RubricTreeCache {
  private current: Promise<RubricTree> | null = null;
  private loaded: RubricTree | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly read: () => Promise<RubricTree>, events: ContentEventSource) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'rubric.changed') this.drop();
    });
  }

  get(): Promise<RubricTree> {
    if (this.current) return this.current;
    const pending = this.read();
    this.current = pending;
    pending.then(
      (tree) => {
        if (this.current === pending) this.loaded = tree;
      },
      () => {
        // A failed read is not kept: the next request tries again.
        if (this.current === pending) this.current = null;
      },
    );
    return pending;
  }

  /** The tree when it is in memory, without a promise (see `withRubricTree`). */
  ready(): RubricTree | null {
    return this.loaded;
  }

  drop(): void {
    this.current = null;
    this.loaded = null;
  }

  close(): void {
    this.unsubscribe();
    this.drop();
  }
}
