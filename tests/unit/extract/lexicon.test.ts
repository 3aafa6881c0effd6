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

/** A one-list file as the lexicon folder holds them. */
const list = (...words: string[]) => ({ $comment: 'test list', words });

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
    headings: [{ nouns: ['Demands', 'Red Lines'], role: 'demanded', kind: 'demand' }],
    nounCues: [{ nouns: ['Proposal'], role: 'proposed', kind: 'proposal' }],
  },
  'auxiliaries.json': list('Has', 'also'),
  'complementizers.json': list('That'),
  'hedges.json': list('Reportedly'),
  'statement-nouns.json': list('Statement'),
  'perspectives.json': list("Israel's Perspective"),
  'sources.json': {
    wires: [{ name: 'Reuters', aliases: ['Reuters News'] }],
    outlets: [{ name: 'Example Times', aliases: [] }],
  },
  'governments.json': {
    governments: [{ id: 'syria', name: 'Government of Syria', aliases: ['Damascus'], demonyms: ['Syrian'] }],
  },
  'anonymous-heads.json': list('official'),
  'leak-heads.json': list('documents'),
  'unnamed-markers.json': list('a'),
  'anonymity-reasons.json': list('not authorised to speak'),
  'descriptor-links.json': list('Familiar With'),
  'titles.json': list('Envoy', 'US'),
  'name-particles.json': list('Al', 'bin'),
  'outlet-nouns.json': list('Broadcaster'),
  'thing-pronouns.json': list('It'),
  'plural-pronouns.json': list('They'),
  'bare-pronouns.json': list('He'),
  'pronouns.json': list('he', 'Who'),
  'time-words.json': list('Tuesday'),
  'time-nouns.json': list('week'),
  'connectives.json': list('But'),
  'pre-verb-adverbs.json': list('flatly'),
  'be-forms.json': list('was'),
  'wh-words.json': list('whether'),
  'contrast-words.json': list('while'),
  'offices.json': list('Minister'),
  'place-links.json': list('In'),
  'no-comment.json': list('Comment'),
  'document-nouns.json': list('Statement'),
  'description-breaks.json': list('Familiar', 'with'),
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
    expect(lex.anonymous).toEqual({
      heads: ['official'],
      leakHeads: ['documents'],
      unnamedMarkers: ['a'],
      anonymityReasons: ['not authorised to speak'],
      descriptorLinks: ['Familiar With'],
    });
  });

  it('reads each closed-class list from its own file, lower-cased', () => {
    const lex = loadLexicon(folder());
    expect(lex.words).toEqual({
      barePronouns: new Set(['he']),
      pronouns: new Set(['he', 'who']),
      timeWords: new Set(['tuesday']),
      timeNouns: new Set(['week']),
      connectives: new Set(['but']),
      preVerbAdverbs: new Set(['flatly']),
      beForms: new Set(['was']),
      whWords: new Set(['whether']),
      contrast: new Set(['while']),
      offices: new Set(['minister']),
      noComment: new Set(['comment']),
      documentNouns: new Set(['statement']),
      placeLinks: new Set(['in']),
      descriptionBreaks: ['familiar', 'with'],
    });
  });

  it('refuses a missing list file or a list without its comment, naming the file', () => {
    const dir = folder();
    rmSync(path.join(dir, 'be-forms.json'));
    expect(() => loadLexicon(dir)).toThrow(/be-forms\.json/);
    expect(() => loadLexicon(folder({ 'offices.json': { words: ['minister'] } }))).toThrow(
      /offices\.json: \$comment/,
    );
  });

  it('takes the optional lists as empty when the cues file or the list files leave them out', () => {
    const { headings: _h, nounCues: _n, ...cues } = FILES['cues.json'];
    const dir = folder({ 'cues.json': cues });
    rmSync(path.join(dir, 'perspectives.json'));
    rmSync(path.join(dir, 'descriptor-links.json'));
    const lex = loadLexicon(dir);
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

  it('splits a multi-word entry on any run of spaces', () => {
    const cues = {
      ...FILES['cues.json'],
      verbs: [{ forms: ['has  told'], role: 'told', kind: 'statement', relay: 'as   saying' }],
      headings: [{ nouns: ['red  lines'], role: 'demanded', kind: 'demand' }],
      nounCues: [{ nouns: ['peace \t plan'], role: 'proposed', kind: 'proposal' }],
    };
    const lex = loadLexicon(
      folder({
        'cues.json': cues,
        'perspectives.json': list("Israel's  Perspective"),
        'descriptor-links.json': list('familiar  with'),
      }),
    );
    expect(lex.cues.find((c) => c.role === 'told')).toMatchObject({
      words: ['has', 'told'],
      relay: ['as', 'saying'],
    });
    expect([...lex.headings.values()][0]!.words).toEqual(['red', 'lines']);
    expect([...lex.nounCues.values()][0]!.words).toEqual(['peace', 'plan']);
    expect(lex.perspectives).toEqual([["israel's", 'perspective']]);
    expect(lex.descriptorLinks).toEqual([['familiar', 'with']]);
  });

  it('names the file and the path of the first problem, or (root) for the file itself', () => {
    const bad = { ...FILES['cues.json'], verbs: [{ forms: [], role: 'said', kind: 'statement' }] };
    expect(() => loadLexicon(folder({ 'cues.json': bad }))).toThrow(/cues\.json: verbs\.0\.forms: /);
    expect(() => loadLexicon(folder({ 'offices.json': ['minister'] }))).toThrow(/offices\.json: \(root\): /);
  });

  it("finds the repository's own lexicons by default", () => {
    expect(path.basename(DEFAULT_LEXICON_DIR)).toBe('lexicons');
    expect(path.basename(path.dirname(DEFAULT_LEXICON_DIR))).toBe('data');
    expect(loadLexicon().cues.length).toBeGreaterThan(10);
    expect(loadLexicon()).toBe(loadLexicon(DEFAULT_LEXICON_DIR));
  });
});
