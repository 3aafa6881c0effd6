/**
 * Graph keys: the one name normaliser (`slugify`) and the key of every kind of node, each checked
 * on its exact text, since two spellings of a name meet in the graph exactly when their keys do.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  actorKey,
  articleKey,
  asciiSlug,
  claimKey,
  contentHash,
  eventKey,
  localIdPart,
  nameKey,
  placeKey,
  slugify,
  sourceKey,
  tellingKey,
} from '../../../src/domain/keys.js';

describe('slugify', () => {
  it.each([
    ['Ahmad al-Sharaa', 'ahmad-al-sharaa'],
    ['UN Security Council', 'un-security-council'],
    // Accents dropped, compatibility forms folded (the "ﬁ" ligature is two letters).
    ['Café Müller', 'cafe-muller'],
    ['ﬁnal report', 'final-report'],
    // Every kind of apostrophe joins the word instead of splitting it.
    ["O'Brien", 'obrien'],
    ['Sa’ar', 'saar'],
    ['`Abd', 'abd'],
    // Runs of anything else are one dash, and none is left at either end.
    ['  --Reuters!!  (wire) ', 'reuters-wire'],
    ['Resolution 2254', 'resolution-2254'],
    // Letters of other scripts are kept.
    ['Αθήνα', 'αθηνα'],
    ['Москва', 'москва'],
    ['...', ''],
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives two spellings of one name one slug', () => {
    expect(slugify('Ahmad Al Sharaa')).toBe(slugify('ahmad al-sharaa'));
    expect(slugify('Ahmed al-Shar’a')).toBe('ahmed-al-shara');
  });
});

describe('asciiSlug', () => {
  it.each([
    ['Ahmad al-Sharaa', 'ahmad-al-sharaa'],
    ['Αθήνα talks', 'talks'],
    ['talks in Αθήνα 2025', 'talks-in-2025'],
    ['Москва', ''],
  ])('%j -> %j', (name, slug) => {
    expect(asciiSlug(name)).toBe(slug);
  });
});

describe('nameKey', () => {
  it.each([
    ['The Times’s', 'times'],
    ['the sources', 'sources'],
    ['A senior official', 'senior-official'],
    ["Trump's", 'trump'],
    ['  Ahmad  Al Sharaa ', 'ahmad-al-sharaa'],
    ['al-Sharaa.', 'al-sharaa'],
    // Only a whole leading article goes: "Anadolu" and "Theresa" keep their first letters.
    ['Anadolu Agency', 'anadolu-agency'],
    ['Theresa May', 'theresa-may'],
    ['The', 'the'],
    // Spaces around the name do not hide its article; only a final possessive goes.
    ['  The Times  ', 'times'],
    ["Joe's Times's", 'joes-times'],
  ])('%j -> %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('meets slugify on a name with neither article nor possessive', () => {
    for (const name of ['Ahmad al-Sharaa', 'Café Müller', 'Москва'])
      expect(nameKey(name)).toBe(slugify(name));
  });
});

describe('localIdPart', () => {
  it.each([
    ['Ahmad al-Sharaa', 'ahmad-al-sharaa'],
    ['Москва', 'x'],
    ['', 'x'],
    [`${'a'.repeat(79)} b`, 'a'.repeat(79)],
    ['b'.repeat(100), 'b'.repeat(80)],
  ])('%j -> %j', (name, part) => {
    expect(localIdPart(name)).toBe(part);
  });
});

describe('the keys of nodes', () => {
  it('spells each key exactly', () => {
    expect(articleKey('ap-2025-09-12')).toBe('article:ap-2025-09-12');
    expect(claimKey('ap-1', 'c3')).toBe('ap-1#c3');
    expect(tellingKey('ap-1', 'c3', 2)).toBe('ap-1#c3@2');
    expect(actorKey('Ahmad al-Sharaa')).toBe('actor:ahmad-al-sharaa');
    expect(placeKey('Damascus')).toBe('place:damascus');
    expect(eventKey('ap-1', 'talks')).toBe('event:ap-1:talks');
  });

  it('keys a named source by its name everywhere, an unnamed one by its article and id', () => {
    expect(sourceKey('ap-1', 'r', 'Reuters News', false)).toBe('source:reuters-news');
    expect(sourceKey('afp-2', 'wire', 'Reuters News', false)).toBe('source:reuters-news');
    expect(sourceKey('ap-1', 'off', 'a Syrian official', true)).toBe('source:ap-1:off');
    expect(sourceKey('afp-2', 'off', 'a Syrian official', true)).toBe('source:afp-2:off');
  });
});

describe('contentHash', () => {
  it('is the first 32 hex digits of the SHA-256 of the JSON text', () => {
    const value = { a: 1, b: ['x'] };
    const full = createHash('sha256').update('{"a":1,"b":["x"]}').digest('hex');
    expect(contentHash(value)).toBe(full.slice(0, 32));
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad808');
  });

  it('changes with the content', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
