import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import {
  bioOf,
  joinContentRuns,
  spansOfTags,
  type RoleSpanSets,
} from '../../../src/extract/tagger/features.js';
import {
  DEFAULT_MODEL_FILE,
  loadTagger,
  parseModel,
  ruleSpans,
  serialiseModel,
  tagSpans,
} from '../../../src/extract/tagger/model.js';
import { allowed, TAGS, viterbi } from '../../../src/extract/tagger/perceptron.js';
import { trainTagger, type TrainingText } from '../../../tools/train/tagger/train.js';
import { analyse } from '../../../src/extract/tokens.js';

const lex = loadLexicon();

/** Spans of a made-up text written with [S ...], [C ...] and [T ...] brackets for Source, Cue, content. */
function annotated(name: string, marked: string): TrainingText {
  const gold: RoleSpanSets = { Source: [], Cue: [], Content: [] };
  let text = '';
  const re = /\[([SCT]) ([^\]]+)\]/g;
  let last = 0;
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[2]!;
    const role = m[1] === 'S' ? 'Source' : m[1] === 'C' ? 'Cue' : 'Content';
    gold[role].push({ start, end: text.length });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { name, text, gold };
}

// A tiny corpus in the shapes PolNeAR annotates, including cues the rules' lexicon lacks.
const corpus: TrainingText[] = [
  annotated('a', '[S The governor] [C said] [T the budget would pass]. Then the session ended.'),
  annotated('b', '[S Two aides] [C acknowledged] [T the plan had stalled]. Nobody came.'),
  annotated('c', '[T The deal is dead], [S the senator] [C said]. The vote was delayed.'),
  annotated('d', '[S The mayor] [C quipped] [T the city was safe]. The crowd left early.'),
  annotated('e', '[C According to] [S the agency], [T prices rose in May].'),
  annotated('f', '[S The union] [C quipped] [T wages had fallen]. Nobody answered.'),
  annotated('g', '[T Taxes will rise], [S the minister] [C quipped]. Markets fell.'),
  annotated('h', '[S The coach] [C said] [T the team was ready]. The game began.'),
];

describe('the BIO machinery', () => {
  it('allows an inside tag only after its own role', () => {
    const id = (t: string) => TAGS.indexOf(t as (typeof TAGS)[number]);
    expect(allowed(-1, id('I-Cue'))).toBe(false);
    expect(allowed(id('B-Cue'), id('I-Cue'))).toBe(true);
    expect(allowed(id('I-Source'), id('I-Cue'))).toBe(false);
    expect(allowed(id('O'), id('B-Content'))).toBe(true);
  });

  it('never decodes an inside tag that does not continue its role, whatever the weights', () => {
    // Weights that push every token towards I-Cue: the constraint must still hold.
    const emit = new Float64Array(TAGS.length);
    emit[TAGS.indexOf('I-Cue')] = 10;
    const tags = viterbi([[0], [0], [0]], { emit, trans: new Float64Array((TAGS.length + 1) * TAGS.length) });
    expect(TAGS[tags[0]!]).not.toBe('I-Cue');
    for (let i = 1; i < tags.length; i++) expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
  });

  it('turns spans into tags and back without moving a boundary', () => {
    const doc = corpus[0]!;
    const a = analyse(doc.text);
    expect(spansOfTags(a, bioOf(a, doc.gold))).toEqual(doc.gold);
  });
});

describe('joining content runs', () => {
  // Tags written one per token, "." for O, S/C for a one-token Source/Cue, B/I for Content.
  const expand = (code: string) =>
    code.split(' ').map((c) => ({ '.': 'O', S: 'B-Source', C: 'B-Cue', B: 'B-Content', I: 'I-Content' })[c]!);
  const text = 'Aides said the plan, drafted in May, would pass. Critics disagreed, loudly.';
  const a = analyse(text);
  const words = (tags: string[]) => spansOfTags(a, tags).Content.map((s) => text.slice(s.start, s.end));

  it('makes one content of two runs in a sentence that only untagged tokens separate', () => {
    expect(a.tokens.map((t) => t.text).join(' ')).toBe(
      'Aides said the plan , drafted in May , would pass . Critics disagreed , loudly .',
    );
    const tags = expand('S C B I . . . . . B I . . . . . .');
    expect(words(tags)).toEqual(['the plan', 'would pass']);
    expect(words(joinContentRuns(a, tags))).toEqual(['the plan, drafted in May, would pass']);
  });

  it('keeps runs apart across a Source or Cue, across sentences, and when they touch', () => {
    const cueBetween = expand('S B I . C . . . . B I . . . . . .');
    expect(joinContentRuns(a, cueBetween)).toEqual(cueBetween);
    const twoSentences = expand('S C B I I I I I I I I . B . . . .');
    expect(joinContentRuns(a, twoSentences)).toEqual(twoSentences);
    const touching = expand('S C B I B I I I I I I . . . . . .');
    expect(joinContentRuns(a, touching)).toEqual(touching);
  });
});

describe('training', () => {
  it('is deterministic: the same corpus gives the same weights file, byte for byte', () => {
    const once = trainTagger(corpus, corpus.slice(0, 2), lex, { maxEpochs: 4, minCount: 1 });
    const twice = trainTagger(corpus, corpus.slice(0, 2), lex, { maxEpochs: 4, minCount: 1 });
    const info = { corpus: 'tiny' };
    expect(
      serialiseModel(once.names, once.weights, info).equals(serialiseModel(twice.names, twice.weights, info)),
    ).toBe(true);
    expect(once.bestEpoch).toBe(twice.bestEpoch);
  });

  it('learns a cue the rules do not know and tags a new sentence of the same shape', () => {
    const trained = trainTagger(corpus, [], lex, { maxEpochs: 10, minCount: 1 });
    const model = parseModel(serialiseModel(trained.names, trained.weights, {}));
    const text = 'The director quipped the museum was full. Visitors waited.';
    const a = analyse(text);
    // The rules alone miss "quipped" (not in the cue lexicon).
    expect(ruleSpans(a, lex).Cue).toEqual([]);
    const spans = tagSpans(model, a, lex);
    const words = (role: keyof RoleSpanSets) => spans[role].map((s) => text.slice(s.start, s.end));
    expect(words('Cue')).toEqual(['quipped']);
    expect(words('Source')).toEqual(['The director']);
    expect(words('Content')).toEqual(['the museum was full']);
  });
});

describe('the committed model', () => {
  // Reading the 5 MB file takes well under a second on a quiet machine; the timeout allows for a
  // shared, loaded one.
  it('is a compact file, read once per process', { timeout: 60_000 }, () => {
    expect(statSync(DEFAULT_MODEL_FILE).size).toBeLessThan(20 * 1024 * 1024);
    const first = loadTagger();
    expect(first).toBeDefined();
    expect(loadTagger()).toBe(first);
    expect(first!.training).toMatchObject({ corpus: 'PolNeAR', trainSplit: 'train', devSplit: 'dev' });
  });

  it('finds a plain attribution', { timeout: 60_000 }, () => {
    const text = 'The senator said the bill would pass next week.';
    const spans = tagSpans(loadTagger()!, analyse(text), lex);
    expect(spans.Cue.map((s) => text.slice(s.start, s.end))).toEqual(['said']);
    expect(spans.Source.map((s) => text.slice(s.start, s.end))).toEqual(['The senator']);
  });
});
