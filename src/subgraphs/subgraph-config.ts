import type { AccountsParts, AccountsRuntime } from '../accounts/accounts-runtime';
import type { AudienceOptions } from '../audience/audience-options';
import type { AudienceParts, AudienceRuntime } from '../audience/audience-runtime';
import type { DiscussionParts, DiscussionRuntime } from '../discussion/discussion-runtime';
import type { EditorialRuntime } from '../editorial/editorial-runtime';
import type { EventChannels } from '../events/event-channels';
import type { ProcessMetrics } from '../observability/process-metrics';

/**
 * How the subgraphs of one process are configured. Everything is optional: a composition
 * root builds what is left out from `env` (the process environment unless given), and stops
 * on shutdown only what it built itself. Tests pass their doubles (an in-memory mailer, a
 * fresh rate limiter, short TTLs) here, at construction, rather than swapping them in later.
 */
export type SubgraphConfig = {
  env?: NodeJS.ProcessEnv;
  /**
   * Where content events travel: the process's bus and the transport between processes
   * (events/event-channels.ts). A root given none makes channels of its own, this process alone.
   */
  events?: EventChannels;
  /** The process's Prometheus metrics, where loaders report their batch sizes. */
  metrics?: ProcessMetrics;
  accounts?: Partial<AccountsParts>;
  discussion?: Partial<DiscussionParts>;
  audience?: Partial<Omit<AudienceParts, 'options'>> & { options?: Partial<AudienceOptions> };
};

/** The runtime each composition root builds, by subgraph name. */
export type SubgraphRuntimes = {
  editorial: EditorialRuntime;
  accounts: AccountsRuntime;
  discussion: DiscussionRuntime;
  audience: AudienceRuntime;
};
