import DataLoader from 'dataloader';

/**
 * Makes the DataLoaders of one request dispatch a level of the query as one batch on a
 * database that answers asynchronously (MySQL). DataLoader batches what is asked within one
 * tick; when some parents of a level are already cached and others wait for a query, the
 * cached ones ask for their children a tick early, and each loader of that level runs twice.
 * Here a batch asked for while another batch of the same request is waiting on the database
 * is held until that one has answered, and released after the answer's own follow-up loads
 * have joined it. On SQLite (synchronous driver) nothing is ever held, so nothing changes.
 *
 * A batch function must not itself wait on a loader of the same scheduler: it would wait for
 * itself. None does (they read one table each).
 */
export class BatchScheduler {
  private inFlight = 0;
  private held: Array<() => void> = [];

  /** `onBatch` hears the number of keys of every batch (the process's batch-size histogram). */
  constructor(private readonly onBatch?: (size: number) => void) {}

  /** A DataLoader whose batches go through this scheduler. */
  loader<K, V, C = K>(batch: (keys: readonly K[]) => Promise<V[]>, options: DataLoader.Options<K, V, C> = {}): DataLoader<K, V, C> {
    return new DataLoader<K, V, C>((keys) => {
      this.onBatch?.(keys.length);
      return this.track(() => batch(keys));
    }, { ...options, batchScheduleFn: (dispatch) => this.schedule(dispatch) });
  }

  private schedule(dispatch: () => void): void {
    if (this.inFlight > 0) {
      this.held.push(dispatch);
      return;
    }
    // DataLoader's own default: after the promise jobs of this tick.
    void Promise.resolve().then(() => process.nextTick(dispatch));
  }

  private async track<T>(batch: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await batch();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.held.length) {
        const held = this.held;
        this.held = [];
        // After the answer has resolved its keys and their resolvers have asked for more.
        setImmediate(() => held.forEach((dispatch) => dispatch()));
      }
    }
  }
}
