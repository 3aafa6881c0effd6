/**
 * Ingest outcomes, published on a Node diagnostics channel so observers (the metrics of
 * src/metrics.ts) can count them without the graph layer depending on them.
 */
import { channel } from 'node:diagnostics_channel';

export const INGEST_CHANNEL = 'claimgraph:ingest';

export interface IngestEvent {
  /** changed | unchanged (a no-op re-ingest) | rejected (invalid document) | failed (the write). */
  outcome: 'changed' | 'unchanged' | 'rejected' | 'failed';
  claims: number;
}

const ingestChannel = channel(INGEST_CHANNEL);

export function publishIngest(event: IngestEvent): void {
  if (ingestChannel.hasSubscribers) ingestChannel.publish(event);
}
