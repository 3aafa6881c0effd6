/**
 * BENCHMARKS.md is rendered from results files that are not committed (bench/out), so a run of one
 * size on a fresh machine has only that size's file: the sections of the other sizes must be kept
 * from the previous report, not erased (bench/report.ts keepEarlierSections).
 */
import { describe, expect, it } from 'vitest';
import { keepEarlierSections } from '../../../bench/report.js';

const head = (note: string) =>
  `# Benchmarks\n\nGenerated.\n\n## Read this first (hand-written; bench/notes.md)\n\n${note}\n`;
const section = (heading: string, body: string) =>
  `## ${heading}\n\nMeasured ${body}.\n\n### Table\n\n| a |\n`;

describe('keepEarlierSections', () => {
  const previous =
    head('old note') +
    '\n' +
    section('10,000 claims (ingest)', 'old 10k') +
    '\n' +
    section('100,000 claims (graphql)', 'old 100k') +
    '\n' +
    section('1,000,000 claims (graphql)', 'old 1M') +
    '\n<!-- matching-cost:start (bench/matching-cost.ts) -->\n## Cross-article matching\n<!-- matching-cost:end -->\n';

  it('keeps the sizes the fresh run did not render, in size order, with the fresh head', () => {
    const fresh = head('new note') + '\n' + section('10,000 claims (quiet)', 'new 10k');
    const merged = keepEarlierSections(previous, fresh);
    expect(merged).toContain('new note');
    expect(merged).not.toContain('old note');
    const order = [
      '## 10,000 claims (ingest)',
      '## 10,000 claims (quiet)',
      '## 100,000 claims (graphql)',
      '## 1,000,000 claims (graphql)',
    ];
    const at = order.map((h) => merged.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(merged).toContain('Measured old 1M.');
    // The matching section is not a size section: the caller puts it back (withMatchingSection).
    expect(merged).not.toContain('Cross-article matching');
  });

  it('replaces a section the fresh run rendered again under the same heading', () => {
    const fresh = head('n') + '\n' + section('100,000 claims (graphql)', 'new 100k');
    const merged = keepEarlierSections(previous, fresh);
    expect(merged).toContain('Measured new 100k.');
    expect(merged).not.toContain('Measured old 100k.');
    expect(merged.match(/^## 100,000 claims \(graphql\)$/gm)).toHaveLength(1);
  });

  it('renders a first report unchanged when there is no previous one', () => {
    const fresh = head('n') + '\n' + section('10,000 claims', 'x');
    expect(keepEarlierSections('', fresh)).toBe(fresh);
  });
});
