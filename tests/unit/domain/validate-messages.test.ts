/**
 * Every reference rule of document validation, one fault at a time, with the exact list of
 * problems it gives: the path a fact-checker fixes, the message that says what is wrong, and the
 * claim it belongs to. An exact list also proves the rule reports nothing else (a rule that fires
 * on a good field is a bug too).
 */
import { describe, expect, it } from 'vitest';
import {
  DocumentValidationError,
  formatPath,
  MAX_LISTED_ISSUES,
  parseArticleDocument,
} from '../../../src/domain/validate.js';
import { MINI_TEXT, miniDoc, spanOf } from '../../support/mini-doc.js';
import { issuesOf } from '../../support/validation.js';

type Doc = ReturnType<typeof miniDoc>;

const cases: [string, (d: Doc) => void, object[]][] = [
  [
    'an actor with the id of a source',
    (d) => {
      d.actors!.push({ id: 'reuters', name: 'Reuters Ltd', kind: 'group', aliases: [] });
    },
    [{ path: 'actors[4].id', message: 'duplicate id "reuters"' }],
  ],
  [
    'two places with one id',
    (d) => {
      d.places!.push({ id: 'lyon', name: 'Lyon', kind: 'city' }, { id: 'lyon', name: 'Lyon', kind: 'city' });
    },
    [{ path: 'places[2].id', message: 'duplicate id "lyon"' }],
  ],
  [
    'a claim with the id of an actor',
    (d) => {
      d.claims[3]!.id = 'minister';
      d.relations = [];
    },
    [{ path: 'claims[3].id', message: 'duplicate id "minister"', claimId: 'minister' }],
  ],
  [
    'a publisher that is not a source',
    (d) => {
      d.article.publisher = 'minister';
    },
    [{ path: 'article.publisher', message: 'unknown reference "minister" (expected the id of a source)' }],
  ],
  [
    "a source's affiliation that is not an actor",
    (d) => {
      d.sources![3]!.affiliation = 'paris';
    },
    [
      {
        path: 'sources[3].affiliation',
        message: 'unknown reference "paris" (expected the id of a actor)',
      },
    ],
  ],
  [
    "an actor's affiliation that is no record",
    (d) => {
      d.actors![0]!.affiliation = 'nowhere';
    },
    [{ path: 'actors[0].affiliation', message: 'unknown reference "nowhere" (expected the id of a actor)' }],
  ],
  [
    'a place within an actor',
    (d) => {
      d.places![0]!.within = 'france';
    },
    [{ path: 'places[0].within', message: 'unknown reference "france" (expected the id of a place)' }],
  ],
  [
    "an event's place that is an actor",
    (d) => {
      d.events![0]!.place = 'france';
    },
    [{ path: 'events[0].place', message: 'unknown reference "france" (expected the id of a place)' }],
  ],
  [
    "an event's participant that is a place",
    (d) => {
      d.events![0]!.participants = ['france', 'paris'];
    },
    [
      {
        path: 'events[0].participants[1]',
        message: 'unknown reference "paris" (expected the id of a actor or a source)',
      },
    ],
  ],
  [
    "an event's evidence past the end of the text",
    (d) => {
      d.events![0]!.evidence = { start: MINI_TEXT.length - 2, end: MINI_TEXT.length + 1, text: 'le.x' };
      d.events![0]!.evidence.text = 'xyz';
    },
    [
      {
        path: 'events[0].evidence.end',
        message: `offset ${MINI_TEXT.length + 1} is past the end of the article text (${MINI_TEXT.length} characters)`,
      },
    ],
  ],
  [
    'an event after an unknown event, with a cue that misreads',
    (d) => {
      const cue = spanOf(MINI_TEXT, 'resume in March');
      d.events![0]!.after = [{ event: 'talks-june', cue: { ...cue, text: 'resume in April' } }];
    },
    [
      {
        path: 'events[0].after[0].event',
        message: 'unknown reference "talks-june" (expected the id of a event)',
      },
      {
        path: 'events[0].after[0].cue.text',
        message: `span ${spanOf(MINI_TEXT, 'resume in March').start}-${spanOf(MINI_TEXT, 'resume in March').end} reads "resume in March", not "resume in April"`,
      },
    ],
  ],
  [
    "a claim's evidence past the end of the text (exactly one past)",
    (d) => {
      const end = MINI_TEXT.length + 1;
      d.claims[3]!.evidence = { start: end - 21, end, text: 'x'.repeat(21) };
    },
    [
      {
        path: 'claims[3].evidence.end',
        message: `offset ${MINI_TEXT.length + 1} is past the end of the article text (${MINI_TEXT.length} characters)`,
        claimId: 'truce-fragile',
      },
    ],
  ],
  [
    'a long span that misreads, both sides shortened in the message',
    (d) => {
      const span = spanOf(MINI_TEXT, MINI_TEXT.slice(0, 70));
      d.claims[3]!.evidence = { ...span, text: 'y'.repeat(70) };
    },
    [
      {
        path: 'claims[3].evidence.text',
        message: `span 0-70 reads ${JSON.stringify(`${MINI_TEXT.slice(0, 57)}...`)}, not "${'y'.repeat(57)}..."`,
        claimId: 'truce-fragile',
      },
    ],
  ],
  [
    'a quote the article does not contain',
    (d) => {
      d.claims[1]!.quote = 'I will resign';
    },
    [
      {
        path: 'claims[1].quote',
        message: 'the verbatim quote does not occur in the article text',
        claimId: 'minister-no-resign',
      },
    ],
  ],
  [
    'a hop told by a place, addressed to an event',
    (d) => {
      d.claims[2]!.chain![0]! = { ...d.claims[2]!.chain![0]!, agent: 'paris', addressee: 'talks-march' };
    },
    [
      {
        path: 'claims[2].chain[0].agent',
        message: 'unknown reference "paris" (expected the id of a actor or a source)',
        claimId: 'talks-resume-march',
      },
      {
        path: 'claims[2].chain[0].addressee',
        message: 'unknown reference "talks-march" (expected the id of a actor or a source)',
        claimId: 'talks-resume-march',
      },
    ],
  ],
  [
    "a hop's evidence that misreads",
    (d) => {
      const hop = d.claims[1]!.chain![0]!;
      hop.evidence = { ...hop.evidence!, text: 'According to REUTERS' };
    },
    [
      {
        path: 'claims[1].chain[0].evidence.text',
        message: `span ${spanOf(MINI_TEXT, 'According to Reuters').start}-${spanOf(MINI_TEXT, 'According to Reuters').end} reads "According to Reuters", not "According to REUTERS"`,
        claimId: 'minister-no-resign',
      },
    ],
  ],
  [
    'a claim about a relation target that is a claim',
    (d) => {
      d.claims[2]!.about = ['truce-fragile'];
    },
    [
      {
        path: 'claims[2].about[0]',
        message:
          'unknown reference "truce-fragile" (expected the id of a actor or a place or a event or a source)',
        claimId: 'talks-resume-march',
      },
    ],
  ],
  [
    'a hop through an unnamed source marked named',
    (d) => {
      d.claims[0]!.chain![1]!.anonymous = false;
    },
    [
      {
        path: 'claims[0].chain[1].anonymous',
        message: '"eu-diplomats" is an unnamed source, so this hop is anonymous',
        claimId: 'ceasefire-will-fail',
      },
    ],
  ],
  [
    'a hop through a named actor marked anonymous',
    (d) => {
      d.claims[2]!.chain![0]!.anonymous = true;
    },
    [
      {
        path: 'claims[2].chain[0].anonymous',
        message: '"france" is named; an anonymous hop needs a source of kind anonymous or leak',
        claimId: 'talks-resume-march',
      },
    ],
  ],
  [
    'a chain that comes back to its first teller',
    (d) => {
      const chain = d.claims[1]!.chain!;
      chain.push({ ...chain[0]!, role: 'reported' });
    },
    [
      {
        path: 'claims[1].chain[2].agent',
        message: 'chain cycle: "reuters" already tells this claim at hop 0',
        claimId: 'minister-no-resign',
      },
    ],
  ],
  [
    'relations between claims the document does not have',
    (d) => {
      d.relations = [
        { from: 'nope', to: 'truce-fragile', type: 'SUPPORTS' },
        { from: 'truce-fragile', to: 'also-nope', type: 'CONTRADICTS' },
      ];
    },
    [
      { path: 'relations[0].from', message: 'unknown claim "nope"' },
      { path: 'relations[1].to', message: 'unknown claim "also-nope"' },
    ],
  ],
  [
    'an unknown top-level field',
    (d) => {
      (d as Record<string, unknown>).surprise = 1;
    },
    [{ path: '(document)', message: expect.stringMatching(/surprise/) }],
  ],
];

describe('document validation, one fault at a time', () => {
  it.each(cases)('refuses %s with exactly these problems', (_, breakIt, expected) => {
    const doc = miniDoc();
    breakIt(doc);
    expect(issuesOf(doc)).toEqual(expected);
  });

  it('accepts what each rule allows: a cross-article relation, a leak as an anonymous hop, an event with all its references', () => {
    const doc = miniDoc();
    doc.relations!.push({ from: 'truce-fragile', to: 'other-article#some-claim', type: 'SUPPORTS' });
    doc.sources![3]!.kind = 'leak';
    doc.claims[0]!.chain![1]!.anonymous = true;
    doc.events![0]!.participants = ['france', 'eu-diplomats'];
    doc.events!.push({
      id: 'talks-may',
      name: 'More talks',
      kind: 'round_of_talks',
      time: { text: 'May' },
      after: [{ event: 'talks-march', cue: spanOf(MINI_TEXT, 'would resume') }],
    });
    doc.places!.push({ id: 'ile', name: 'Ile-de-France', kind: 'region' });
    doc.places![0]!.within = 'ile';
    doc.claims[3]!.evidence = spanOf(MINI_TEXT, MINI_TEXT.slice(-21));
    doc.claims[3]!.text = 'The truce is fragile, in our view.';
    const parsed = parseArticleDocument(doc);
    expect(parsed.claims[0]!.chain.map((h) => h.anonymous)).toEqual([false, true, false]);
  });

  it('reads back the claim id of a shape problem only when the claim has a string id', () => {
    const doc = miniDoc() as any;
    doc.claims[1].id = 42;
    doc.claims[2].kind = 'rumour';
    const issues = issuesOf(doc);
    expect(issues.find((i) => i.path === 'claims[1].id')).not.toHaveProperty('claimId');
    expect(issues.find((i) => i.path === 'claims[2].kind')).toHaveProperty('claimId', 'talks-resume-march');
  });

  it('gives no claim id to a problem outside the claims, nor for a claims list that is not one', () => {
    const notAList = miniDoc() as any;
    notAList.claims = { 0: { id: 'x' } };
    expect(issuesOf(notAList)[0]).not.toHaveProperty('claimId');
    const article = miniDoc() as any;
    article.article.title = 7;
    expect(issuesOf(article)).toEqual([{ path: 'article.title', message: expect.any(String) }]);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and names with dots, the empty path as the document', () => {
    expect(formatPath(['claims', 3, 'chain', 1, 'agent'])).toBe('claims[3].chain[1].agent');
    expect(formatPath([0, 'x'])).toBe('[0].x');
    expect(formatPath([])).toBe('(document)');
  });
});

describe('the error message', () => {
  it('names the first five problems with their claims, and counts the rest', () => {
    const doc = miniDoc();
    doc.claims.forEach((c) => (c.about = ['atlantis']));
    doc.relations = [
      { from: 'x1', to: 'truce-fragile', type: 'SUPPORTS' },
      { from: 'x2', to: 'truce-fragile', type: 'SUPPORTS' },
    ];
    try {
      parseArticleDocument(doc);
      throw new Error('accepted');
    } catch (error) {
      const e = error as DocumentValidationError;
      expect(e.name).toBe('DocumentValidationError');
      expect(e.total).toBe(6);
      expect(e.message).toBe(
        'invalid article document: ' +
          'claims[0].about[0]: unknown reference "atlantis" (expected the id of a actor or a place or a event or a source) (claim ceasefire-will-fail); ' +
          'claims[1].about[0]: unknown reference "atlantis" (expected the id of a actor or a place or a event or a source) (claim minister-no-resign); ' +
          'claims[2].about[0]: unknown reference "atlantis" (expected the id of a actor or a place or a event or a source) (claim talks-resume-march); ' +
          'claims[3].about[0]: unknown reference "atlantis" (expected the id of a actor or a place or a event or a source) (claim truce-fragile); ' +
          'relations[0].from: unknown claim "x1" (+1 more)',
      );
    }
  });

  it('lists every problem up to the cap, then one entry counting the rest', () => {
    const exactly = new DocumentValidationError(
      Array.from({ length: MAX_LISTED_ISSUES }, (_, i) => ({ path: `p${i}`, message: 'm' })),
    );
    expect(exactly.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(exactly.total).toBe(MAX_LISTED_ISSUES);
    const over = new DocumentValidationError(
      Array.from({ length: MAX_LISTED_ISSUES + 3 }, (_, i) => ({ path: `p${i}`, message: 'm' })),
    );
    expect(over.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(over.issues.at(-1)).toEqual({
      path: '(document)',
      message: `3 more problems not listed (${MAX_LISTED_ISSUES + 3} in all)`,
    });
    expect(new DocumentValidationError([{ path: 'a', message: 'b' }]).message).toBe(
      'invalid article document: a: b',
    );
  });
});
