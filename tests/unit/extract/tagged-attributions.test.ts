/**
 * The tagger in the product: where the rules are silent, a tagged cue with one source and one
 * content becomes an attribution, and only then. The shape tests give the tagger's spans by hand
 * (so they test this module's choices, not the weights); the last ones run the committed model
 * through `extractFromText`, as `npm run extract` does.
 */
import { describe, expect, it } from 'vitest';
import { findAttributions, type Span } from '../../../src/extract/attributions.js';
import { extractFromText } from '../../../src/extract/build.js';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import {
  cueEntryOf,
  TAGGER_CONFIDENCE,
  taggedAttributions,
} from '../../../src/extract/tagger/attributions.js';
import type { RoleSpanSets } from '../../../src/extract/tagger/features.js';
import { analyse } from '../../../src/extract/tokens.js';

const lex = loadLexicon();

/** The character span of `words` in `text` (its first occurrence), as the tagger would give it. */
function at(text: string, words: string): Span {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

function tagged(text: string, roles: { S?: string[]; C?: string[]; T?: string[] }): RoleSpanSets {
  return {
    Source: (roles.S ?? []).map((w) => at(text, w)),
    Cue: (roles.C ?? []).map((w) => at(text, w)),
    Content: (roles.T ?? []).map((w) => at(text, w)),
  };
}

const plain = 'The port reopened. The harbour master now says the channel is deep enough for tankers.';
const plainSpans = {
  S: ['The harbour master'],
  C: ['now says'],
  T: ['the channel is deep enough for tankers'],
};

describe('attributions the tagger adds', () => {
  it('turns one tagged source, cue and content into an attribution where the rules found none', () => {
    const a = analyse(plain);
    const out = taggedAttributions(a, lex, [], tagged(plain, plainSpans));
    expect(out).toHaveLength(1);
    const [x] = out;
    expect(plain.slice(x!.source!.start, x!.source!.end)).toBe('The harbour master');
    expect(plain.slice(x!.content[0]!.start, x!.content[0]!.end)).toBe(
      'the channel is deep enough for tankers',
    );
    // The cue's lexicon entry gives the hop role and claim kind, as for a rule's cue.
    expect(x!.entry.role).toBe('said');
    expect(x!.entry.kind).toBe('statement');
    expect(x).toMatchObject({ pattern: 'tagger', confidence: TAGGER_CONFIDENCE, relays: [] });
  });

  it('leaves a sentence alone when the rules found an attribution in it', () => {
    const text = 'The port reopened. The harbour master said the channel is deep enough for tankers.';
    const a = analyse(text);
    const found = findAttributions(a, lex);
    expect(found).toHaveLength(1);
    const spans = tagged(text, { S: ['The harbour master'], C: ['said'], T: ['the channel is deep enough'] });
    expect(taggedAttributions(a, lex, found, spans)).toEqual([]);
  });

  it('needs a cue the lexicon lists: "met" is no statement', () => {
    const text = 'The envoy met the minister of the interior in the capital.';
    const spans = tagged(text, { S: ['The envoy'], C: ['met'], T: ['the minister of the interior'] });
    expect(cueEntryOf(analyse(text), lex, at(text, 'met'))).toBeUndefined();
    expect(taggedAttributions(analyse(text), lex, [], spans)).toEqual([]);
    // Auxiliaries and adverbs before the verb do not decide the entry.
    const argued = 'She has long argued that taxes are too high.';
    expect(cueEntryOf(analyse(argued), lex, at(argued, 'has long argued'))?.words).toEqual(['argued']);
  });

  it('refuses ambiguous or thin shapes: two cues, two sources, two contents, a content of two words', () => {
    const a = analyse(plain);
    const twoCues = { ...plainSpans, C: ['now says', 'deep'] };
    const twoSources = {
      ...plainSpans,
      S: ['The harbour master', 'tankers'],
      T: ['the channel is deep enough'],
    };
    const twoContents = { ...plainSpans, T: ['the channel is deep', 'enough for tankers'] };
    const short = { ...plainSpans, T: ['for tankers'] };
    for (const roles of [twoCues, twoSources, twoContents, short])
      expect(taggedAttributions(a, lex, [], tagged(plain, roles))).toEqual([]);
  });

  it('keeps a refusal to speak out, as the rules do, but not a refusal to act', () => {
    const silent = 'A spokesman for the army refused to comment on the matter.';
    const roles = { S: ['A spokesman for the army'], C: ['refused'], T: ['to comment on the matter'] };
    expect(taggedAttributions(analyse(silent), lex, [], tagged(silent, roles))).toEqual([]);
    const rejection = 'A spokesman for the army refused to withdraw the order.';
    const acting = { ...roles, T: ['to withdraw the order'] };
    expect(taggedAttributions(analyse(rejection), lex, [], tagged(rejection, acting))).toHaveLength(1);
  });

  it('takes nothing the rules already took, and no headline', () => {
    const a = analyse(plain);
    const ruled = findAttributions(analyse('The harbour master said the channel is deep.'), lex)[0]!;
    // A rule attribution elsewhere whose content covers the tagged content.
    const covering = { ...ruled, cue: at(plain, 'reopened'), content: [at(plain, 'the channel is deep')] };
    expect(taggedAttributions(a, lex, [covering], tagged(plain, plainSpans))).toEqual([]);
    const headline = '# The harbour master now says the channel is deep enough\n\nThe port reopened.';
    const spans = tagged(headline, { ...plainSpans, T: ['the channel is deep enough'] });
    // The same spans outside a headline would be taken: the headline is what refuses them.
    expect(taggedAttributions(analyse(headline.slice(2)), lex, [], spans)).toHaveLength(1);
    expect(taggedAttributions(analyse(headline), lex, [], spans)).toEqual([]);
  });
});

describe('the committed model in extraction', { timeout: 60_000 }, () => {
  const meta = { title: 'Ferries', publisher: 'Daily Example', date: '2026-01-02' };
  const text = 'Pressed on the figures, the treasurer now says she supports the new levy on ferries.';

  it('adds the claim the rules miss, with a chain built by the rules’ machinery', () => {
    const rules = extractFromText(text, meta, { tagger: false });
    expect(rules.claims).toEqual([]);
    const doc = extractFromText(text, meta);
    expect(doc.claims).toHaveLength(1);
    const [claim] = doc.claims;
    expect(claim!.text).toBe('she supports the new levy on ferries');
    expect(claim!.extractionConfidence).toBe(TAGGER_CONFIDENCE);
    expect(claim!.chain).toHaveLength(1);
    const speaker = [...doc.actors, ...doc.sources].find((x) => x.id === claim!.chain[0]!.agent);
    expect(speaker?.name.toLowerCase()).toContain('treasurer');
    expect(claim!.chain[0]!.anonymous).toBe(false);
  });

  it('changes nothing where the rules already speak', () => {
    const ruled =
      'The port reopened on Monday. The harbour master said the channel is deep enough for tankers.';
    expect(extractFromText(ruled, meta)).toEqual(extractFromText(ruled, meta, { tagger: false }));
  });
});
