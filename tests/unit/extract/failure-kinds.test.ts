/**
 * The failure kinds issue 15 lists, one block each, in made-up sentences of the same shapes as the
 * unseen articles: nested relays in one sentence, a cue after long content holding its own clause,
 * anonymity phrases, coreference to an earlier agent, non-statements, coordinated and relative-
 * clause cues, passive relays, and speaker names cut at clause boundaries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument, Claim } from '../../../src/domain/document.js';
import { extractFromText } from '../../../src/extract/build.js';
import { loadTagger } from '../../../src/extract/tagger/model.js';
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

// Extraction reads the tagger's weights once per process (a second or more under load): read them
// here, with time to spare, so that the first test's time is its own.
beforeAll(() => void loadTagger(), 120_000);

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

  it('"refused to comment" is no claim, while "refused to withdraw" stays a rejection', () => {
    const silent = extract(
      'A spokesman for the army refused to comment on the matter. The ministry refuses to elaborate. ' +
        'Israel refused to comment, but officials said the talks would go on.',
    );
    expect(silent.claims.map((c) => c.text)).toEqual(['the talks would go on']);
    const rejection = only(extract('Damascus refused to withdraw its forces from the border.'));
    expect(rejection.text).toBe('to withdraw its forces from the border');
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

describe('1b. citations: the teller a speaker cites, wherever the citation stands', () => {
  const relayed = (text: string) => {
    const doc = extract(text);
    const claim = only(doc);
    return { chain: chainOf(doc, claim), content: claim.evidence.text };
  };

  it('closing the sentence, after the speaker and cue, with or without a time adjunct', () => {
    for (const cue of ['reported', 'reported on Friday']) {
      expect(
        relayed(
          `The two governments are close to a deal on the border, Reuters ${cue}, citing four sources familiar with the negotiations.`,
        ),
      ).toEqual({
        chain: ['Reuters(wire)', 'four sources familiar with the negotiations(anonymous,anon)'],
        content: 'The two governments are close to a deal on the border',
      });
    }
  });

  it('after a time adjunct before "that"', () => {
    expect(
      relayed(
        'Axios reported on Sunday, citing two US officials, that the meeting would take place next week.',
      ),
    ).toEqual({
      chain: ['Axios(outlet)', 'two US officials(anonymous,anon)'],
      content: 'the meeting would take place next week',
    });
  });

  it('between the speaker and its cue, and closing a content that follows the cue', () => {
    expect(
      relayed(
        'The Israeli broadcaster Kan, citing sources familiar with the talks, reported that a deal was near.',
      ),
    ).toEqual({
      chain: ['Kan(outlet)', 'sources familiar with the talks(anonymous,anon)'],
      content: 'a deal was near',
    });
    expect(
      relayed(
        'The Hebrew-language daily Maariv reported that the talks were frozen, citing an Israeli official.',
      ),
    ).toEqual({
      chain: ['Maariv(outlet)', 'an Israeli official(anonymous,anon)'],
      content: 'the talks were frozen',
    });
  });

  it('as a relative clause after "according to" ("which cited ...")', () => {
    expect(
      relayed(
        'According to Reuters, which cited four sources familiar with the talks, the two governments are close to a deal.',
      ),
    ).toEqual({
      chain: ['Reuters(wire)', 'four sources familiar with the talks(anonymous,anon)'],
      content: 'the two governments are close to a deal',
    });
  });

  it('"that, according to X, ..." nests the attribution that opens the content', () => {
    expect(relayed('Reuters reported that, according to four sources, the deal had stalled.')).toEqual({
      chain: ['Reuters(wire)', 'four sources(anonymous,anon)'],
      content: 'the deal had stalled',
    });
  });

  it('"according to a report by X" names the outlet, not the report', () => {
    expect(relayed('According to a report by Axios, the meeting was moved to Paris.').chain).toEqual([
      'Axios(outlet)',
    ]);
  });
});

describe('3b. speaker phrases that describe an outlet or place an unnamed source', () => {
  it('"the Israeli news site Walla", "the Syrian newspaper Al-Watan": the name is an outlet', () => {
    const walla = extract(
      'The agreement is expected to be signed next month, the Israeli news site Walla reported.',
    );
    expect(chainOf(walla, only(walla))).toEqual(['Walla(outlet)']);
    const watan = extract(
      'Officials in Damascus say the proposal is unacceptable, according to the Syrian newspaper Al-Watan.',
    );
    expect(chainOf(watan, only(watan))).toEqual([
      'Al-Watan(outlet)',
      'Officials in Damascus(anonymous,anon)',
    ]);
  });

  it('"told Al-Monitor": a hyphenated name is one addressee even when the tagger splits it', () => {
    const doc = extract(
      'Israel wants a corridor to the south, a Syrian source close to the government told Al-Monitor.',
    );
    const claim = only(doc);
    expect(chainOf(doc, claim)).toEqual([
      'Al-Monitor(outlet)',
      'a Syrian source close to the government(anonymous,anon)',
    ]);
    expect(claim.evidence.text).toBe('Israel wants a corridor to the south');
  });

  it('"officials in Washington", "Both sources", "The two sources" are unnamed tellers', () => {
    const doc = extract(
      'Israel wants a corridor, officials in Washington said. Both sources said the deal was close. ' +
        'The two sources said a date was set.',
    );
    expect(doc.claims.map((c) => chainOf(doc, c))).toEqual([
      ['officials in Washington(anonymous,anon)'],
      ['Both sources(anonymous,anon)'],
      ['The two sources(anonymous,anon)'],
    ]);
  });
});

describe('4c. an unnamed office holder the article names elsewhere', () => {
  it('"a senior US envoy said" is the one envoy the article names, not an anonymous source', () => {
    const doc = extract(
      'The two sides are close to a deal, a senior US envoy said on Tuesday. ' +
        'Tom Barrack, Washington’s special envoy for Syria, said the deal would be a first step.',
    );
    expect(doc.claims.map((c) => chainOf(doc, c))).toEqual([
      ['Tom Barrack(person)'],
      ['Tom Barrack(person)'],
    ]);
    expect(doc.sources.filter((s) => s.kind === 'anonymous')).toEqual([]);
  });

  it('stays anonymous when the article names two envoys, or when a reason to stay unnamed is given', () => {
    const two = extract(
      'The two sides are close to a deal, a senior US envoy said. Tom Barrack, the US envoy, said talks went on. ' +
        'Steve Witkoff, another envoy, said the same.',
    );
    expect(chainOf(two, two.claims[0]!)).toEqual(['a senior US envoy(anonymous,anon)']);
    const reason = extract(
      'A senior envoy, who asked not to be named, said a deal was close. Tom Barrack, the US envoy, said talks went on.',
    );
    expect(chainOf(reason, reason.claims[0]!).at(-1)).toMatch(/anon\)$/);
  });
});

describe('6b. a cue that needs "that"', () => {
  it('"has long held that" is a position; "held talks" is not a cue', () => {
    const doc = extract('The prime minister has long held that any deal must protect the northern border.');
    expect(chainOf(doc, only(doc))).toEqual(['prime minister(person)']);
    expect(extract('The prime minister held talks with the envoy on Monday.').claims).toEqual([]);
  });
});

describe('4d. pronouns and outlet descriptions', () => {
  it('"For Netanyahu, ...; he has long held that" is the person the sentence opens with, not the last speaker', () => {
    const doc = extract(
      'Prime Minister Benjamin Netanyahu may meet the Syrian leader. Tom Barrack said a meeting was likely. ' +
        'For Netanyahu, such a meeting would be a gamble; he has long held that any deal must secure the border.',
    );
    expect(doc.claims.map((c) => chainOf(doc, c))).toEqual([
      ['Tom Barrack(person)'],
      ['Benjamin Netanyahu(person)'],
    ]);
    // Without such an opening, "he" is still the last named speaker.
    const plain = extract('Tom Barrack said a meeting was likely. He said a deal could follow.');
    expect(plain.claims.map((c) => chainOf(plain, c))).toEqual([
      ['Tom Barrack(person)'],
      ['Tom Barrack(person)'],
    ]);
  });

  it('"the Kan public broadcaster" is Kan; "the authority" refers back, "the Palestinian Authority" does not', () => {
    const doc = extract(
      'The talks had stalled, the Kan public broadcaster reported. The authority said a new round was planned.',
    );
    expect(doc.claims.map((c) => chainOf(doc, c))).toEqual([['Kan(outlet)'], ['Kan(outlet)']]);
    const pa = extract(
      'The talks had stalled, Reuters reported. The Palestinian Authority said it was not consulted.',
    );
    // (Its kind is the classifier's guess from two capitalised words; the point is the name.)
    expect(chainOf(pa, pa.claims[1]!)[0]).toMatch(/^Palestinian Authority\(/);
  });
});

describe('4e. a document that speaks through its text', () => {
  it('"the statement" is the document the article introduced, not a group named "the statement"', () => {
    const doc = extract(
      'In a joint statement issued after the talks, both governments pledged restraint. ' +
        'The statement said that a hotline would be staffed around the clock.',
    );
    const claim = doc.claims.find((c) => c.evidence.text.includes('hotline'));
    expect(claim).toBeDefined();
    expect(chainOf(doc, claim!)).toEqual(['joint statement(document)']);
  });

  it('a second "the statement" is the same document; a capitalised name is not a reference', () => {
    const doc = extract(
      'The statement said the border would stay open. The statement added that patrols would continue.',
    );
    expect(doc.claims).toHaveLength(2);
    expect(new Set(doc.claims.map((c) => c.chain[0]!.agent)).size).toBe(1);
    expect(chainOf(doc, doc.claims[0]!)).toEqual(['statement(document)']);
    const balfour = extract('The Balfour Declaration said the land would be shared.');
    expect(chainOf(balfour, only(balfour))[0]).not.toMatch(/\(document\)/);
  });
});
