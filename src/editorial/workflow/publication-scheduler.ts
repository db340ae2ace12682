import type { DataSource } from 'typeorm';
import type { ContentEventBus } from '../../events/content-events';
import { nextDueAt, runScheduledJobs, type SchedulerRun } from './scheduler';

export type PublicationSchedulerOptions = {
  /** Where passes announce their changes, and where schedule changes made in this process are heard. */
  bus: ContentEventBus;
  /**
   * The longest sleep (default SCHEDULER_SAFETY_POLL_MS or 60 s). Schedules changed in this
   * process re-arm the timer through the bus at once; this catches those changed by other
   * instances, which this process does not hear.
   */
  safetyPollMs?: number;
  batch?: number;
  /** Called after every pass (logs, tests). */
  onRun?: (run: SchedulerRun) => void;
};

/** setTimeout can fire a millisecond before Date.now() reaches its target: wake a little late rather than early. */
const TIMER_SLACK_MS = 3;
/** When a pass made no progress although something is overdue (a failing article), do not spin on it. */
const RETRY_MS = 1000;

/**
 * Runs the publication scheduler on time without polling the database every second: after
 * each pass it asks for the next due instant (one indexed statement) and sleeps until then,
 * at most `safetyPollMs`. A schedule set, moved or cancelled in this process emits an article
 * event, on which the timer is re-armed, so "publish at 18:00" goes out at 18:00:00 plus the
 * time of one pass, not at the next poll.
 */
export class PublicationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private wakeAt: Date | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private looks = 0;
  private unsubscribe: (() => void) | null = null;
  private readonly safetyPollMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly options: PublicationSchedulerOptions,
  ) {
    this.safetyPollMs = options.safetyPollMs ?? Number(process.env.SCHEDULER_SAFETY_POLL_MS ?? 60_000);
  }

  start(): this {
    this.unsubscribe = this.options.bus.subscribe((event) => {
      // Any article write may have set, moved or cancelled a time: look again (its own
      // passes' events included; the re-arm after the pass makes those redundant but harmless).
      if (event.type.startsWith('article.') && !this.running) return this.arm(false);
    });
    void this.tick();
    return this;
  }

  /** When the timer will next run a pass (null while a pass runs or once stopped). */
  get nextWakeAt(): Date | null {
    return this.wakeAt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.clear();
    await this.running;
  }

  private tick(): Promise<void> {
    if (this.stopped || this.running) return this.running ?? Promise.resolve();
    this.clear();
    this.running = (async () => {
      let progressed = false;
      try {
        if (!this.ds.isInitialized) return;
        const run = await runScheduledJobs(this.ds, new Date(), { batch: this.options.batch });
        progressed = run.published.length + run.unpublished.length + run.embargoesLifted.length > 0;
        this.options.onRun?.(run);
      } catch (err) {
        console.error('[scheduler]', err);
      } finally {
        this.running = null;
      }
      await this.arm(progressed);
    })();
    return this.running;
  }

  /** Sets the timer for the next due instant, capped by the safety poll. */
  private async arm(progressed: boolean): Promise<void> {
    if (this.stopped || !this.ds.isInitialized) return;
    // Of overlapping looks, the one started last wins: an earlier one may have read before a
    // schedule committed and would set the timer past it.
    const look = ++this.looks;
    let due: Date | null = null;
    try {
      due = await nextDueAt(this.ds);
    } catch (err) {
      console.error('[scheduler]', err);
    }
    if (this.stopped || this.running || look !== this.looks) return;
    const now = Date.now();
    let delay = this.safetyPollMs;
    if (due) {
      const until = due.getTime() - now;
      delay = until > 0 ? Math.min(until + TIMER_SLACK_MS, this.safetyPollMs) : progressed ? 0 : RETRY_MS;
    }
    this.clear();
    this.wakeAt = new Date(now + delay);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = null;
  }
}

/** Starts the scheduler; returns its stop function (the shape `SubgraphModule.startJobs` wants). */
export function startScheduler(ds: DataSource, options: PublicationSchedulerOptions): () => void {
  const scheduler = new PublicationScheduler(ds, options).start();
  return () => void scheduler.stop();
}
