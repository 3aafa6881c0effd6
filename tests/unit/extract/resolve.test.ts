import { beforeAll, describe, expect, it } from 'vitest';
import { extractFromText } from '../../../src/extract/build.js';
import { loadTagger } from '../../../src/extract/tagger/model.js';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import { type KnownActor, resolveActors } from '../../../src/extract/resolve.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { miniDoc } from '../../support/mini-doc.js';

/** The mini document with its person (id "minister") renamed; resolution needs no extractor. */
function withPerson(name: string, aliases: string[] = []) {
  const doc = miniDoc();
  doc.actors![0] = { id: 'minister', name, kind: 'person', aliases };
  return parseArticleDocument(doc);
}

const lex = loadLexicon();
const meta = { url: 'https://example.org/a', title: 'Test', publisher: 'Example Daily', date: '2026-01-06' };

const known: KnownActor[] = [
  { key: 'actor:syria-government', name: 'Government of Syria', aliases: ['Damascus', 'Syrian government'] },
  { key: 'actor:ahmad-al-sharaa', name: 'Ahmad al-Sharaa', aliases: ['Ahmed al-Sharaa', 'al-Jolani'] },
  { key: 'actor:hillary-clinton', name: 'Hillary Clinton', aliases: [] },
  { key: 'actor:bill-clinton', name: 'Bill Clinton', aliases: [] },
];

// Extraction reads the tagger's weights once per process (a second or more under load): read them
// here, with time to spare, so that the first test's time is its own.
beforeAll(() => void loadTagger(), 120_000);

describe('resolveActors', () => {
  it('maps Damascus onto the known Syrian government and a surname onto the full name', () => {
    const doc = extractFromText(
      'Damascus rejected the proposal. Al-Sharaa told reporters that “the Golan is not for sale.”',
      meta,
      { lexicon: lex },
    );
    const { document, matches, unmatched } = resolveActors(doc, known);
    const byKey = new Map(matches.map((m) => [m.key, m]));
    expect(byKey.get('actor:syria-government')?.matchedBy).toBe('alias');
    expect(byKey.get('actor:ahmad-al-sharaa')?.matchedBy).toBe('surname');
    const sharaa = document.actors.find((a) => a.id === byKey.get('actor:ahmad-al-sharaa')!.actorId)!;
    expect(sharaa.name).toBe('Ahmad al-Sharaa');
    expect(sharaa.aliases).toContain('Al-Sharaa');
    expect(unmatched).toEqual(['actor-reporters']); // the listener of "told reporters"
  });

  it('matches by exact name first and leaves strangers unmatched', () => {
    const doc = extractFromText(
      'Hillary Clinton said the race was close. John Smith said it was not.',
      meta,
      { lexicon: lex },
    );
    const { matches, unmatched, document } = resolveActors(doc, known);
    expect(matches).toEqual([
      { actorId: 'actor-hillary-clinton', key: 'actor:hillary-clinton', matchedBy: 'name' },
    ]);
    expect(unmatched).toEqual(['actor-john-smith']);
    expect(document).not.toBe(doc);
    expect(doc.actors.find((a) => a.id === 'actor-hillary-clinton')!.name).toBe('Hillary Clinton');
  });

  it('does not merge an ambiguous surname', () => {
    const doc = extractFromText('Clinton said the race was close.', meta, { lexicon: lex });
    const { matches } = resolveActors(doc, known);
    expect(matches).toEqual([]);
  });
  it('does not merge two people who share only a surname', () => {
    const onlyHillary = known.filter((k) => k.key === 'actor:hillary-clinton');
    expect(resolveActors(withPerson('Chelsea Clinton'), onlyHillary).matches).toEqual([]);
    // The bare surname is evidence when one known person carries it...
    expect(resolveActors(withPerson('Clinton'), onlyHillary).matches).toEqual([
      { actorId: 'minister', key: 'actor:hillary-clinton', matchedBy: 'surname' },
    ]);
    // ...and a full name meets a known bare-surname alias.
    const bareAlias: KnownActor[] = [{ key: 'actor:hc', name: 'H. R. Clinton', aliases: ['Clinton'] }];
    expect(resolveActors(withPerson('Hillary Clinton'), bareAlias).matches).toEqual([
      { actorId: 'minister', key: 'actor:hc', matchedBy: 'surname' },
    ]);
  });

  it('does not take a surname of fewer than three letters as evidence', () => {
    const li: KnownActor[] = [{ key: 'actor:li-wei', name: 'Li Wei', aliases: ['Wei Li'] }];
    expect(resolveActors(withPerson('Li'), li).matches).toEqual([]);
  });

  it('matches organisations by name and alias only, never by a last word', () => {
    const doc = miniDoc();
    doc.actors![1] = { id: 'eu', name: 'Council of Sharaa', kind: 'government', aliases: [] };
    const { matches } = resolveActors(parseArticleDocument(doc), known);
    expect(matches.find((m) => m.actorId === 'eu')).toBeUndefined();
  });

  it('merges names and aliases, keeping the known name and dropping it from the aliases', () => {
    const { document, matches } = resolveActors(withPerson('the Sharaa', ['al-Jolani']), known);
    expect(matches).toEqual([{ actorId: 'minister', key: 'actor:ahmad-al-sharaa', matchedBy: 'alias' }]);
    const merged = document.actors.find((a) => a.id === 'minister')!;
    expect(merged.name).toBe('Ahmad al-Sharaa');
    expect(merged.aliases).toEqual(['the Sharaa', 'al-Jolani', 'Ahmed al-Sharaa']);
  });
});
