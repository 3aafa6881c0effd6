/**
 * A small invented article (the DOMAIN.md example, extended) for tests that need a document
 * whose every detail they control. Offsets are found, never typed.
 */
import type { ArticleDocumentInput } from '../../src/domain/document.js';

export const MINI_TEXT =
  'The Guardian reported on Tuesday that two European diplomats said the Minister had told colleagues ' +
  'the ceasefire "will not survive the week". According to Reuters, the Minister denied any plan to resign. ' +
  'Paris officials said the talks would resume in March. In our view, the truce is fragile.';

export function spanOf(text: string, needle: string, occurrence = 1) {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  return { start: at, end: at + needle.length, text: needle };
}

/** A fresh copy of the mini document; `id` lets a test ingest a second, distinct article. */
export function miniDoc(
  id = 'mini-1',
  text = MINI_TEXT,
): ArticleDocumentInput & { claims: NonNullable<ArticleDocumentInput['claims']> } {
  const s = (needle: string) => spanOf(text, needle);
  return {
    schemaVersion: 1,
    article: {
      id,
      url: `https://example.org/${id}`,
      title: 'Ceasefire doubts',
      publisher: 'example-news',
      publishedAt: '2026-02-03',
      language: 'en',
      text,
    },
    sources: [
      { id: 'example-news', name: 'Example News', kind: 'outlet' },
      { id: 'guardian', name: 'The Guardian', kind: 'outlet' },
      { id: 'reuters', name: 'Reuters', kind: 'wire' },
      {
        id: 'eu-diplomats',
        name: 'two European diplomats',
        kind: 'anonymous',
        description: 'two European diplomats',
        affiliation: 'eu',
      },
    ],
    actors: [
      { id: 'minister', name: 'Jan Minister', kind: 'person', aliases: ['the Minister', 'Minister'] },
      { id: 'eu', name: 'European governments', kind: 'government', aliases: [] },
      { id: 'france', name: 'French government', kind: 'government', aliases: ['Paris'] },
      { id: 'colleagues', name: 'colleagues of the Minister', kind: 'group', aliases: ['colleagues'] },
    ],
    places: [{ id: 'paris', name: 'Paris', kind: 'city' }],
    events: [
      {
        id: 'talks-march',
        name: 'Resumed ceasefire talks',
        kind: 'round_of_talks',
        time: { text: 'March', start: '2026-03-01', end: '2026-03-31' },
        place: 'paris',
      },
    ],
    claims: [
      {
        id: 'ceasefire-will-fail',
        text: 'The ceasefire will not survive the week.',
        quote: 'will not survive the week',
        kind: 'prediction',
        evidence: s('the ceasefire "will not survive the week"'),
        chain: [
          {
            agent: 'guardian',
            role: 'reported',
            time: { text: 'Tuesday', start: '2026-02-03' },
            evidence: s('The Guardian reported on Tuesday'),
          },
          { agent: 'eu-diplomats', role: 'said', evidence: s('two European diplomats said') },
          {
            agent: 'minister',
            role: 'told',
            addressee: 'colleagues',
            evidence: s('the Minister had told colleagues'),
          },
        ],
        about: ['minister'],
      },
      {
        id: 'minister-no-resign',
        text: 'The Minister has no plan to resign.',
        kind: 'denial',
        evidence: s('the Minister denied any plan to resign'),
        chain: [
          { agent: 'reuters', role: 'according_to', evidence: s('According to Reuters') },
          { agent: 'minister', role: 'denied', evidence: s('the Minister denied') },
        ],
        about: ['minister'],
      },
      {
        id: 'talks-resume-march',
        text: 'The talks will resume in March.',
        kind: 'statement',
        evidence: s('the talks would resume in March'),
        chain: [{ agent: 'france', role: 'said', evidence: s('Paris officials said') }],
        about: ['talks-march', 'paris'],
      },
      {
        id: 'truce-fragile',
        text: 'The truce is fragile.',
        kind: 'analysis',
        outletAnalysis: true,
        evidence: s('the truce is fragile'),
        chain: [],
      },
    ],
    relations: [{ from: 'truce-fragile', to: 'ceasefire-will-fail', type: 'SUPPORTS' }],
  };
}
