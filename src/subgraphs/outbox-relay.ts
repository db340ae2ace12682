import { readSetting } from '../config/settings';
import type { DataSource } from 'typeorm';
import { createEventChannels } from '../events/event-channels';
import { EventOutbox } from '../events/event-outbox';
import type { SubgraphConfig } from './subgraph-config';

/**
 * Starts the relay of an emitting subgraph's outbox onto the configured transport (or onto
 * channels of its own when none is configured). Over a data source that is not open (printing
 * the schema) there is nothing to relay.
 */
export async function startOutboxRelay(dataSource: DataSource, source: string, config: SubgraphConfig): Promise<{ outbox?: EventOutbox; stop(): Promise<void> }> {
  if (!dataSource.isInitialized) return { stop: async () => undefined };
  const own = config.events ? null : await createEventChannels(config.env ?? process.env);
  const outbox = new EventOutbox(dataSource, source, (config.events ?? own!).transport, readSetting('OUTBOX_POLL_MS', config.env ?? process.env) ?? 1000);
  outbox.start();
  return {
    outbox,
    async stop() {
      await outbox.stop();
      await own?.close();
    },
  };
}
