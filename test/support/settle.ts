import type { AppHandle } from './newsroom-fixture';

/**
 * Waits for the work subgraphs do in the background after a write (the audience subgraph
 * refreshing its copy of article facts, flushing views), so a following measurement sees
 * only the statements of the request it measures.
 */
export async function settleBackgroundWork(fx: AppHandle): Promise<void> {
  // Events first: relaying them makes the audience refresh its facts.
  await fx.app.settleEvents();
  if (fx.app.dataSources.has('audience')) await fx.app.runtime('audience').settle();
}
