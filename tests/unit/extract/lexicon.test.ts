/**
 * The lexicon loader on a small lexicon folder of its own: what each file becomes (lower-cased,
 * split into words, defaults filled in, longest cue first), that a folder is read once, and that
 * a malformed file is refused. The rules' behaviour on the real lexicons is tested in
 * extract.test.ts and failure-kinds.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON_DIR, loadLexicon } from '../../../src/extract/lexicon.js';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const FILES = {
  'cues.json': {
    verbs: [
      { forms: ['Said'], role: 'said', kind: 'statement' },
      {
        forms: ['Told', 'has TOLD'],
        role: 'told',
        kind: 'statement',
        takesAddressee: true,
        needsVerbTag: true,
        weak: true,
        relay: 'As Saying',
        relayParenthetical: true,
      },
    ],
    phrases: [{ phrase: 'According  To', role: 'according_to', kind: 'report' }],
    auxiliaries: ['Has', 'also'],
    complementizers: ['That'],
    hedges: ['Reportedly'],
    statementNouns: ['Statement'],
    headings: [{ nouns: ['Demands', 'Red Lines'], role: 'demanded', kind: 'demand' }],
    nounCues: [{ nouns: ['Proposal'], role: 'proposed', kind: 'proposal' }],
    perspectives: ["Israel's Perspective"],
  },
  'sources.json': {
    wires: [{ name: 'Reuters', aliases: ['Reuters News'] }],
    outlets: [{ name: 'Example Times', aliases: [] }],
  },
  'governments.json': {
    governments: [{ id: 'syria', name: 'Government of Syria', aliases: ['Damascus'], demonyms: ['Syrian'] }],
  },
  'anonymous.json': {
    heads: ['official'],
    leakHeads: ['documents'],
    unnamedMarkers: ['a'],
    anonymityReasons: ['not authorised to speak'],
    descriptorLinks: ['Familiar With'],
  },
  'titles.json': { titles: ['Envoy', 'US'], particles: ['Al', 'bin'] },
  'reference.json': {
    outletNouns: ['Broadcaster'],
    thingPronouns: ['It'],
    pluralPronouns: ['They'],
  },
};

function folder(overrides: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  folders.push(dir);
  for (const [file, content] of Object.entries({ ...FILES, ...overrides }))
    writeFileSync(path.join(dir, file), JSON.stringify(content));
  return dir;
}

describe('loading a lexicon folder', () => {
  it('turns each verb form and phrase into a cue of lower-cased words, longest first (ties in file order), defaults filled in', () => {
    const lex = loadLexicon(folder());
    expect(lex.cues).toEqual([
      {
        words: ['has', 'told'],
        role: 'told',
        kind: 'statement',
        prepositional: false,
        takesAddressee: true,
        needsVerbTag: true,
        weak: true,
        relay: ['as', 'saying'],
        relayParenthetical: true,
      },
      {
        words: ['according', 'to'],
        role: 'according_to',
        kind: 'report',
        prepositional: true,
        takesAddressee: false,
        needsVerbTag: false,
        weak: false,
        relayParenthetical: false,
      },
      {
        words: ['said'],
        role: 'said',
        kind: 'statement',
        prepositional: false,
        takesAddressee: false,
        needsVerbTag: false,
        weak: false,
        relayParenthetical: false,
      },
      {
        words: ['told'],
        role: 'told',
        kind: 'statement',
        prepositional: false,
        takesAddressee: true,
        needsVerbTag: true,
        weak: true,
        relay: ['as', 'saying'],
        relayParenthetical: true,
      },
    ]);
    expect(lex.cues[2]).not.toHaveProperty('relay');
  });

  it('indexes heading and noun cues by lower-cased noun', () => {
    const lex = loadLexicon(folder());
    const noun = (words: string[], role: string, kind: string) => ({
      words,
      role,
      kind,
      prepositional: false,
      takesAddressee: false,
      needsVerbTag: false,
      weak: false,
      relayParenthetical: false,
    });
    expect([...lex.headings.entries()]).toEqual([
      ['demands', noun(['demands'], 'demanded', 'demand')],
      ['red lines', noun(['red', 'lines'], 'demanded', 'demand')],
    ]);
    expect([...lex.nounCues.entries()]).toEqual([['proposal', noun(['proposal'], 'proposed', 'proposal')]]);
  });

  it('lower-cases the word sets and splits the multi-word lists, keeping the name lists as written', () => {
    const lex = loadLexicon(folder());
    expect(lex.perspectives).toEqual([["israel's", 'perspective']]);
    expect(lex.auxiliaries).toEqual(new Set(['has', 'also']));
    expect(lex.complementizers).toEqual(new Set(['that']));
    expect(lex.titles).toEqual(new Set(['envoy', 'us']));
    expect(lex.nameParticles).toEqual(new Set(['al', 'bin']));
    expect(lex.reference).toEqual({
      outletNouns: new Set(['broadcaster']),
      thingPronouns: new Set(['it']),
      pluralPronouns: new Set(['they']),
    });
    expect(lex.descriptorLinks).toEqual([['familiar', 'with']]);
    expect(lex.hedges).toEqual(['Reportedly']);
    expect(lex.statementNouns).toEqual(['Statement']);
    expect(lex.wires).toEqual([{ name: 'Reuters', aliases: ['Reuters News'] }]);
    expect(lex.outlets).toEqual([{ name: 'Example Times', aliases: [] }]);
    expect(lex.governments).toEqual(FILES['governments.json'].governments);
    expect(lex.anonymous).toEqual(FILES['anonymous.json']);
  });

  it('takes the optional lists as empty when a cues file leaves them out', () => {
    const { headings: _h, nounCues: _n, perspectives: _p, ...cues } = FILES['cues.json'];
    const { descriptorLinks: _d, ...anonymous } = FILES['anonymous.json'];
    const lex = loadLexicon(folder({ 'cues.json': cues, 'anonymous.json': anonymous }));
    expect(lex.headings.size).toBe(0);
    expect(lex.nounCues.size).toBe(0);
    expect(lex.perspectives).toEqual([]);
    expect(lex.descriptorLinks).toEqual([]);
  });

  it('reads a folder once per process', () => {
    const dir = folder();
    const first = loadLexicon(dir);
    writeFileSync(path.join(dir, 'cues.json'), '{ not json');
    expect(loadLexicon(dir)).toBe(first);
  });

  it('refuses a malformed file, naming the field', () => {
    const bad = { ...FILES['cues.json'], verbs: [{ forms: [], role: 'said', kind: 'statement' }] };
    expect(() => loadLexicon(folder({ 'cues.json': bad }))).toThrow(/forms/);
    const role = { ...FILES['cues.json'], phrases: [{ phrase: 'per', role: 'whispered', kind: 'report' }] };
    expect(() => loadLexicon(folder({ 'cues.json': role }))).toThrow(/role/);
  });

  it("finds the repository's own lexicons by default", () => {
    expect(path.basename(DEFAULT_LEXICON_DIR)).toBe('lexicons');
    expect(path.basename(path.dirname(DEFAULT_LEXICON_DIR))).toBe('data');
    expect(loadLexicon().cues.length).toBeGreaterThan(10);
    expect(loadLexicon()).toBe(loadLexicon(DEFAULT_LEXICON_DIR));
  });
});
