import fs from 'node:fs';
import type { EventChannels } from '../events/event-channels';
import { readinessOf, subgraphReachable, type ReadinessCheck } from '../server/readiness-checks';
import { SUPERGRAPH_FILE } from './create-gateway';

/** Subgraphs without which no page answers: every page lists articles. */
export const REQUIRED_SUBGRAPHS = ['editorial'];

/** A subgraph's URL as the gateway calls it: `SUBGRAPH_<NAME>_URL`, else the supergraph's. */
export function subgraphUrl(name: string, supergraphSdl: string, env: NodeJS.ProcessEnv): string {
  const override = env[`SUBGRAPH_${name.toUpperCase()}_URL`];
  if (override) return override;
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  if (!match) throw new Error(`The supergraph has no subgraph named ${name}`);
  return match[1];
}

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
  const checks: ReadinessCheck[] = (options.required ?? REQUIRED_SUBGRAPHS).map((name) => subgraphReachable(name, subgraphUrl(name, sdl, env)));
  checks.unshift({ name: 'broker', check: () => options.events.transport.ping() });
  return readinessOf(checks);
}
