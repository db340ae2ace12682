import { AudienceRuntime } from '../../src/audience/audience-runtime';
import type { NewsroomFixture } from './newsroom-fixture';

/**
 * Waits for the work subgraphs do in the background after a write (the audience subgraph
 * refreshing its copy of article facts, flushing views), so a following measurement sees
 * only the statements of the request it measures.
 */
export async function settleBackgroundWork(fx: NewsroomFixture): Promise<void> {
  const audience = fx.app.dataSources.get('audience');
  if (audience) await AudienceRuntime.for(audience).settle();
}
