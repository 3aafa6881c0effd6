/**
 * The failure kinds issue 15 lists, one block each, in made-up sentences of the same shapes as the
 * unseen articles: nested relays in one sentence, a cue after long content holding its own clause,
 * anonymity phrases, coreference to an earlier agent, non-statements, coordinated and relative-
 * clause cues, passive relays, and speaker names cut at clause boundaries.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleDocument, Claim } from '../../../src/domain/document.js';
import { extractFromText } from '../../../src/extract/build.js';
import { loadLexicon } from '../../../src/extract/lexicon.js';

const lex = loadLexicon();
const meta = { url: 'https://example.org/a', title: 'Test', publisher: 'Example Daily', date: '2026-01-06' };

function extract(text: string): ArticleDocument {
  return extractFromText(text, meta, { lexicon: lex });
}

function agentOf(doc: ArticleDocument, id: string) {
  return doc.sources.find((s) => s.id === id) ?? doc.actors.find((a) => a.id === id);
}

/** "Name(kind[,anon])" per hop, outermost first. */
function chainOf(doc: ArticleDocument, claim: Claim): string[] {
  return claim.chain.map((h) => {
    const a = agentOf(doc, h.agent)!;
    return `${a.name}(${a.kind}${h.anonymous ? ',anon' : ''})`;
  });
}

function only(doc: ArticleDocument): Claim {
  expect(doc.claims).toHaveLength(1);
  return doc.claims[0]!;
}

describe('1. nested relays in one sentence', () => {
  it('According to A, B reported, citing two officials, that the minister announced ...', () => {
    const doc = extract(
      'According to Agence France-Presse, Channel 12 reported, citing two American officials, that the defence minister announced a pause in the strikes.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual([
      'Agence France-Presse(wire)',
      'Channel 12(outlet)',
      'two American officials(anonymous,anon)',
      'defence minister(person)',
    ]);
    expect(claim.evidence.text).toBe('a pause in the strikes');
  });

  it('the inner "B reported that" does not stay inside the content', () => {
    const doc = extract(
      'According to Reuters, the Kan broadcaster reported that the border crossing would reopen on Sunday.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['Reuters(wire)', 'Kan(outlet)']);
    expect(claim.evidence.text).toBe('the border crossing would reopen on Sunday');
  });
});

describe('2. a cue after long content that holds its own clause', () => {
  it('takes the main clause’s trailing "said, <speaker>", not the cue inside the relative clause', () => {
    const doc = extract(
      'Any new deal would build on the 1974 accord, an agreement that calls for the separation of forces on the plateau, said a senior official.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['a senior official(anonymous,anon)']);
    expect(claim.evidence.text).toMatch(/^Any new deal would build on the 1974 accord/);
    expect(claim.evidence.text).toMatch(/separation of forces on the plateau$/);
  });

  it('also with the speaker before the trailing cue', () => {
    const doc = extract(
      'The talks would resume next week in a European capital that both delegations had visited before, the officials said.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['the officials(anonymous,anon)']);
    expect(claim.evidence.text).toMatch(/^The talks would resume next week/);
  });
});

describe('3. anonymity phrases', () => {
  it('"who asked not to be named" makes the hop anonymous, with the reason', () => {
    const doc = extract(
      'A diplomat who asked not to be named said the delegations had exchanged maps of the buffer zone.',
    );
    const claim = only(doc);
    expect(claim.chain.at(-1)!.anonymous).toBe(true);
    const source = agentOf(doc, claim.chain.at(-1)!.agent)!;
    expect(source.name).toMatch(/diplomat/);
    expect(doc.sources.find((s) => s.id === source.id)!.anonymityReason).toMatch(/not to be named/);
    expect(claim.evidence.text).toBe('the delegations had exchanged maps of the buffer zone');
  });

  it('"a source familiar with the government’s position" is one anonymous hop, never an organisation', () => {
    const doc = extract(
      "A source familiar with the government's position said the proposal was unacceptable in its current form.",
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(["A source familiar with the government's position(anonymous,anon)"]);
    expect(doc.actors.map((a) => a.name)).not.toContain("government's position");
  });

  it('"sources briefed on the talks told X" and "unnamed A and B sources" are anonymous hops', () => {
    const briefed = extract('Sources briefed on the talks told the newspaper that a draft was ready.');
    const c1 = only(briefed);
    expect(chainOf(briefed, c1).at(-1)).toBe('Sources briefed on the talks(anonymous,anon)');
    const unnamed = extract('Unnamed Egyptian and Qatari sources said the ceasefire had largely held.');
    const c2 = only(unnamed);
    expect(chainOf(unnamed, c2)).toEqual(['Unnamed Egyptian and Qatari sources(anonymous,anon)']);
  });

  it('a trailing "the sources said" attributes the sentence before it to anonymous sources', () => {
    const doc = extract(
      'The envoy pressed both sides to finish the text before the holiday, the sources said.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['the sources(anonymous,anon)']);
    expect(claim.evidence.text).toBe('The envoy pressed both sides to finish the text before the holiday');
  });
});

describe('4. coreference to an earlier agent', () => {
  it('"the broadcaster", "the network", "the report" and "it" resolve to the outlet met before', () => {
    const doc = extract(
      [
        'Channel 12 reported on Monday that the talks had stalled.',
        'The broadcaster said a new round was planned.',
        'The network added that no date had been set.',
        'According to the report, both sides blamed each other.',
        'It said the envoy would travel to the region.',
      ].join(' '),
    );
    expect(doc.claims).toHaveLength(5);
    const tellers = new Set(doc.claims.map((c) => c.chain[0]!.agent));
    expect(tellers.size).toBe(1);
    expect(agentOf(doc, [...tellers][0]!)!.name).toBe('Channel 12');
  });

  it('"the agency" resolves to the wire met before; "they" to the plural speakers before', () => {
    const doc = extract(
      'Reuters said the meeting had been moved. The agency said the venue was secret. ' +
        'Two diplomats said the sides were close. They said a signing could come within days.',
    );
    expect(doc.claims).toHaveLength(4);
    const names = doc.claims.map((c) => agentOf(doc, c.chain.at(-1)!.agent)!.name);
    expect(names).toEqual(['Reuters', 'Reuters', 'Two diplomats', 'Two diplomats']);
  });
});

describe('5. non-statements', () => {
  it('no comment, declined to comment and no answer to a request are not claims', () => {
    const doc = extract(
      'The ministry had not commented on the report. A spokesman declined to comment. ' +
        'The embassy did not respond to a request for comment on the plan.',
    );
    expect(doc.claims).toEqual([]);
  });
});

describe('6. coordinated, relative-clause and passive relays', () => {
  it('"denied that ... and insisted that ..." gives two claims by the same speaker', () => {
    const doc = extract(
      'The minister denied that troops had crossed the line and insisted that the patrols were routine.',
    );
    expect(doc.claims.map((c) => c.evidence.text)).toEqual([
      'troops had crossed the line',
      'the patrols were routine',
    ]);
    expect(new Set(doc.claims.map((c) => c.chain.at(-1)!.agent)).size).toBe(1);
  });

  it('"X, who said two weeks ago that ..., ..." gives a claim by X', () => {
    const doc = extract(
      'Tom Barrack, who said two weeks ago that a deal was within reach, met both delegations on Friday.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['Tom Barrack(person)']);
    expect(claim.evidence.text).toBe('a deal was within reach');
  });

  it('"..., cited by Axios" adds the relay hop', () => {
    const doc = extract('The envoy told colleagues the deal was dead, an official said, cited by Axios.');
    const claim = only(doc);
    expect(chainOf(doc, claim).slice(0, 2)).toEqual(['Axios(outlet)', 'an official(anonymous,anon)']);
  });
});

describe('7. speaker names cut at clause boundaries', () => {
  it('"X is in Washington and Israeli officials say ..." names only the officials', () => {
    const doc = extract('The envoy is in Washington and Israeli officials say a deal is close.');
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['Israeli officials(anonymous,anon)']);
  });

  it('"Israeli officials view X as Y" is not a speaker named "Israeli officials view"', () => {
    const doc = extract('Israeli officials view the proposal as a first step, a spokesman said.');
    const names = [...doc.sources, ...doc.actors].map((a) => a.name);
    expect(names).not.toContain('Israeli officials view');
  });
});

describe('more shapes of the same kinds', () => {
  it('"X was told by officials familiar with the talks that ..." makes the officials the teller and X the addressee', () => {
    const doc = extract(
      'The Kan broadcaster was told by officials familiar with the talks that a draft was ready.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['Kan(outlet)', 'officials familiar with the talks(anonymous,anon)']);
    expect(claim.evidence.text).toBe('a draft was ready');
  });

  it('"said X, and that Y" gives two claims of the same speaker', () => {
    const doc = extract(
      'Tom Barrack said the pact would be a first step, and that every party was acting in good faith.',
    );
    expect(doc.claims.map((c) => c.evidence.text)).toEqual([
      'the pact would be a first step',
      'every party was acting in good faith',
    ]);
  });

  it('"according to the Syrian source and the Washington source" is one anonymous hop', () => {
    const doc = extract(
      'The demand upset the plans, according to the Syrian source and the Washington source.',
    );
    const claim = only(doc);
    expect(claim.chain.map((h) => h.anonymous)).toEqual([true]);
  });

  it('a plural present cue after "alike": "Israeli and Syrian officials alike warn that ..."', () => {
    const doc = extract('Israeli and Syrian officials alike warn that sensitive details are still open.');
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual(['Israeli and Syrian officials(anonymous,anon)']);
  });
});

describe('4b. a definite unnamed teller refers back to the one met before', () => {
  it('"the sources said" after "four sources ... told Reuters" is the same teller, still through Reuters', () => {
    const doc = extract(
      'Four sources familiar with the negotiations told Reuters that the pact had stalled. ' +
        'The deal would be signed next week, the sources said.',
    );
    expect(doc.claims).toHaveLength(2);
    const [first, second] = doc.claims.map((c) => chainOf(doc, c));
    expect(first).toEqual(['Reuters(wire)', 'Four sources familiar with the negotiations(anonymous,anon)']);
    expect(second).toEqual(first);
  });

  it('a definite description with a modifier the earlier one lacks is a new teller', () => {
    const doc = extract(
      'Two officials said the talks had stalled. The deal was close, the Egyptian officials said.',
    );
    const tellers = new Set(doc.claims.map((c) => c.chain.at(-1)!.agent));
    expect(tellers.size).toBe(2);
  });
});
