import { readSetting } from '../config/settings';

/** The part of a pino logger the throttle writes through (a child logger works as well). */
export type ThrottledLog = {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
};

/** A pino-shaped face over the console, for parts that have no logger of their own. */
export const CONSOLE_LOG: ThrottledLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

export type LogThrottleOptions = {
  /** Lines of one kind written per window; the rest are counted. */
  perWindow?: number;
  windowMs?: number;
};

type KindState = { windowStart: number; written: number; suppressed: number; log: ThrottledLog; level: 'error' | 'warn'; sample: object };

/** `LOG_REPEAT_LIMIT` / `LOG_REPEAT_WINDOW_MS`, 10 lines per 10 s by default. */
function logThrottleOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<LogThrottleOptions> {
  return { perWindow: readSetting('LOG_REPEAT_LIMIT', env) ?? 10, windowMs: readSetting('LOG_REPEAT_WINDOW_MS', env) ?? 10_000 };
}

/**
 * Collapses repeated identical error lines. During an outage every request fails the same way
 * (an outage once wrote 437,000 lines in 40 s, burying the first, useful one and filling the
 * disk): the first `perWindow` lines of one kind (same message, code and source) in each window
 * are written, the rest only counted, and when the window ends one summary line says how many
 * were suppressed. Hand-written because pino has no such hook (its hooks see one line at a time
 * without a clock to flush a summary) and the sampling plugins of other loggers drop lines
 * without counting them. One throttle per process part, built in its composition root.
 */
export class LogThrottle {
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly kinds = new Map<string, KindState>();
  private timer: NodeJS.Timeout | null = null;

  constructor(options: LogThrottleOptions = logThrottleOptionsFromEnv()) {
    const defaults = logThrottleOptionsFromEnv({});
    this.perWindow = options.perWindow ?? defaults.perWindow;
    this.windowMs = options.windowMs ?? defaults.windowMs;
  }

  error(log: ThrottledLog, kind: string, details: object, message: string): void {
    this.write(log, 'error', kind, details, message);
  }

  warn(log: ThrottledLog, kind: string, details: object, message: string): void {
    this.write(log, 'warn', kind, details, message);
  }

  /** Writes the summaries of windows still open (a process stopping). */
  flush(): void {
    for (const [kind, state] of this.kinds) this.summarise(kind, state);
    this.kinds.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private write(log: ThrottledLog, level: 'error' | 'warn', kind: string, details: object, message: string): void {
    const now = Date.now();
    let state = this.kinds.get(kind);
    if (state && now - state.windowStart >= this.windowMs) {
      this.summarise(kind, state);
      state = undefined;
    }
    if (!state) {
      state = { windowStart: now, written: 0, suppressed: 0, log, level, sample: { repeated: message } };
      this.kinds.set(kind, state);
    }
    if (state.written < this.perWindow) {
      state.written += 1;
      log[level](details, message);
      return;
    }
    state.suppressed += 1;
    state.log = log;
    this.ensureTimer();
  }

  private summarise(kind: string, state: KindState): void {
    if (state.suppressed === 0) return;
    state.log[state.level]({ kind, suppressed: state.suppressed, windowMs: this.windowMs, ...state.sample }, `${state.suppressed} more identical lines suppressed`);
    state.suppressed = 0;
  }

  /** Ends windows with nothing new: a burst that stops still gets its summary line. */
  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const [kind, state] of this.kinds) {
        if (now - state.windowStart < this.windowMs) continue;
        this.summarise(kind, state);
        this.kinds.delete(kind);
      }
      if (!this.kinds.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }, Math.max(100, Math.floor(this.windowMs / 2)));
    // Never keeps a process alive for a summary.
    this.timer.unref();
  }
}

/** Where a background part (a relay, a transport) writes its failures, and the throttle between. */
export type ThrottledSink = { log: ThrottledLog; throttle: LogThrottle };

/** The console, throttled as `LOG_REPEAT_*` say: the default sink of parts built without one. */
export function consoleSink(): ThrottledSink {
  return { log: CONSOLE_LOG, throttle: new LogThrottle() };
}
