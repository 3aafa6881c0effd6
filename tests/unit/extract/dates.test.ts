/**
 * The extractor reads no dates: every saying it drafts must reach the graph as a fallback
 * (unknown), never dated at the article's publication (docs/grading.md, "Dates").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFromText } from '../../../src/extract/build.js';
import { loadTagger } from '../../../src/extract/tagger/model.js';
import { buildIngestRows } from '../../../src/graph/ingest-rows.js';

const TEXT =
  'The foreign minister said on Tuesday that the talks would resume. ' +
  'According to Reuters, an unnamed official said the border would stay closed.';

// Extraction reads the tagger's weights once per process (a second or more under load): read them
// here, with time to spare, so that the first test's time is its own.
beforeAll(() => void loadTagger(), 120_000);

describe('dates of extracted drafts', () => {
  it('marks every saying the extractor drafts as a fallback, not the article date', () => {
    const doc = extractFromText(TEXT, {
      url: 'https://example.org/x',
      title: 'Talks',
      publisher: 'Example Daily',
      date: '2026-01-06',
    });
    expect(doc.claims.length).toBeGreaterThanOrEqual(2);
    const rows = buildIngestRows(doc, [], 'test');
    for (const c of rows.claims) {
      expect(c.props).toMatchObject({
        saidBasis: 'fallback',
        saidPrecision: 'unknown',
        saidEarliest: null,
        saidLatest: null,
      });
    }
  });
});
