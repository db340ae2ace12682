import fs from 'node:fs';
import type { EventChannels } from '../events/event-channels';
import { readinessOf, subgraphReachable, type ReadinessCheck } from '../server/readiness-checks';
import { subgraphUrl } from '../federation/subgraph-caller';
import { SUPERGRAPH_FILE } from './create-gateway';

/** Subgraphs without which no page answers: every page lists articles. */
export const REQUIRED_SUBGRAPHS = ['editorial'];

/**
 * Readiness of a gateway run apart: its broker (when EVENT_BROKER_URL is set; without it the
 * response cache would never be purged) and each required subgraph answer.
 */
export function gatewayReadiness(options: {
  events: EventChannels;
  env?: NodeJS.ProcessEnv;
  supergraphSdl?: string;
  required?: string[];
}): () => Promise<true | string> {
  const env = options.env ?? process.env;
  const sdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const checks: ReadinessCheck[] = (options.required ?? REQUIRED_SUBGRAPHS).map((name) => subgraphReachable(name, subgraphUrl(name, env, sdl)));
  checks.unshift({ name: 'broker', check: () => options.events.transport.ping() });
  return readinessOf(checks);
}
