import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument, Claim } from '../../../src/domain/document.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { findAttributions } from '../../../src/extract/attributions.js';
import { extractDocument, extractFromText } from '../../../src/extract/build.js';
import { loadTagger } from '../../../src/extract/tagger/model.js';
import { toPlainText } from '../../../src/extract/input.js';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import { analyse } from '../../../src/extract/tokens.js';

const lex = loadLexicon();
const meta = { url: 'https://example.org/a', title: 'Test', publisher: 'Example Daily', date: '2026-01-06' };

function agentOf(doc: ArticleDocument, id: string) {
  return doc.sources.find((s) => s.id === id) ?? doc.actors.find((a) => a.id === id);
}

function describeChain(doc: ArticleDocument, claim: Claim): string[] {
  return claim.chain.map((h) => {
    const a = agentOf(doc, h.agent)!;
    return `${a.name}(${a.kind}${h.anonymous ? ',anon' : ''})${h.addressee ? `->${agentOf(doc, h.addressee)!.name}` : ''}`;
  });
}

function cuesIn(text: string): string[] {
  return findAttributions(analyse(text), lex).map((a) => text.slice(a.cue.start, a.cue.end));
}

// Extraction reads the tagger's weights once per process (a second or more under load): read them
// here, with time to spare, so that the first test's time is its own.
beforeAll(() => void loadTagger(), 120_000);

describe('cue detection', () => {
  it('finds speech verbs, prepositional cues and auxiliaries', () => {
    expect(cuesIn('The minister said the talks would resume.')).toEqual(['said']);
    expect(cuesIn('According to the ministry, the talks will resume.')).toEqual(['According to']);
    expect(cuesIn('Officials have warned that the truce is fragile.')).toEqual(['have warned']);
    expect(cuesIn('“We will not back down,” Netanyahu insisted.')).toEqual(['insisted']);
  });

  it('does not take nouns and adjectives for cues', () => {
    expect(cuesIn('The reports were wrong and the noted author left.')).toEqual([]);
  });

  it('ends a content before a participle cue that starts its own attribution', () => {
    const text = 'Trump predicted that a deal was close, revealing an understanding with Netanyahu.';
    const [first] = findAttributions(analyse(text), lex);
    const c = first!.content[0]!;
    expect(text.slice(c.start, c.end)).toBe('that a deal was close');
  });
});

describe('attribution chains', () => {
  it('follows Reuters -> an unnamed Syrian official -> al-Sharaa, with the addressee', () => {
    const text =
      'Reuters quoted a Syrian official as saying President Ahmad al-Sharaa told US envoy Tom Barrack that “any compromise on the Golan would mean the end of his presidency.”';
    const doc = extractFromText(text, meta, { lexicon: lex });
    expect(doc.claims).toHaveLength(1);
    const claim = doc.claims[0]!;
    expect(describeChain(doc, claim)).toEqual([
      'Reuters(wire)',
      'a Syrian official(anonymous,anon)',
      'Ahmad al-Sharaa(person)->Tom Barrack',
    ]);
    const official = doc.sources.find((s) => s.kind === 'anonymous')!;
    expect(official.description).toBe('a Syrian official');
    expect(official.affiliation).toBe('syria-government');
    expect(claim.chain.map((h) => h.role)).toEqual(['quoted', 'said', 'told']);
    expect(claim.quote).toBe('any compromise on the Golan would mean the end of his presidency.');
    expect(claim.status).toBe('draft');
    expect(claim.extractionConfidence).toBeGreaterThan(0.5);
  });

  it('makes every layer of "according to IRNA, Channel 12 reported, citing two officials" a hop', () => {
    const text =
      'According to IRNA, Channel 12 reported, citing two officials, that the talks had collapsed.';
    const doc = extractFromText(text, meta, { lexicon: lex });
    const claim = doc.claims[0]!;
    expect(describeChain(doc, claim)).toEqual([
      'IRNA(wire)',
      'Channel 12(outlet)',
      'two officials(anonymous,anon)',
    ]);
    expect(claim.evidence.text).toBe('the talks had collapsed');
  });

  it('reads the outlet told by unnamed sources as the first link', () => {
    const text =
      'Despite the fraught atmosphere, sources told Reuters the two sides came close to agreeing on a framework.';
    const doc = extractFromText(text, meta, { lexicon: lex });
    expect(describeChain(doc, doc.claims[0]!)).toEqual(['Reuters(wire)', 'sources(anonymous,anon)->Reuters']);
    expect(doc.claims[0]!.evidence.text).toBe('the two sides came close to agreeing on a framework');
  });

  it('turns a capital standing for a government into the government actor', () => {
    const doc = extractFromText(
      'Later that month, Damascus publicly acknowledged the existence of negotiations.',
      meta,
      { lexicon: lex },
    );
    const claim = doc.claims[0]!;
    expect(claim.kind).toBe('acknowledgement');
    expect(describeChain(doc, claim)).toEqual(['Syrian government(government)']);
    expect(doc.actors.find((a) => a.id === 'syria-government')!.aliases).toContain('Damascus');
  });

  it('marks "according to leaks" as a leak source', () => {
    const doc = extractFromText('According to leaks, the proposed framework included a buffer zone.', meta, {
      lexicon: lex,
    });
    expect(doc.sources.find((s) => s.id === doc.claims[0]!.chain[0]!.agent)!.kind).toBe('leak');
    expect(doc.claims[0]!.chain[0]!.anonymous).toBe(true);
  });

  it('resolves "he" to the last named person and merges a surname with the full name', () => {
    const text =
      'President Ahmad al-Sharaa said the talks were useful. “We want peace,” he said. Al-Sharaa added that nothing was agreed.';
    const doc = extractFromText(text, meta, { lexicon: lex });
    const agents = new Set(doc.claims.map((c) => c.chain[0]!.agent));
    expect(doc.claims).toHaveLength(3);
    expect(agents.size).toBe(1);
    expect(doc.actors.filter((a) => a.kind === 'person').map((a) => a.name)).toEqual(['Ahmad al-Sharaa']);
  });
});

describe('attribution shapes added in the second round', () => {
  function one(text: string) {
    const doc = extractFromText(text, meta, { lexicon: lex });
    return { doc, claims: doc.claims, chain: (c: Claim) => describeChain(doc, c) };
  }

  it('reads a passive with a by-agent: the agent speaks, the subject is the content', () => {
    const { doc, claims } = one('The proposal was flatly rejected by Damascus.');
    expect(claims).toHaveLength(1);
    expect(describeChain(doc, claims[0]!)).toEqual(['Syrian government(government)']);
    expect(claims[0]!.chain[0]!.role).toBe('rejected');
    expect(claims[0]!.kind).toBe('rejection');
    expect(claims[0]!.evidence.text).toBe('The proposal');
    const floated = one('Rejection of the concept reportedly floated by Tel Aviv.');
    const proposal = floated.claims.find((c) => c.kind === 'proposal')!;
    expect(floated.chain(proposal)).toEqual(['Israeli government(government)']);
    expect(proposal.chain[0]!.evidence.text).toBe('reportedly floated by Tel Aviv');
  });

  it('finds the speaker past adverbs and a short parenthetical before the cue', () => {
    const a = one(
      'Damascus had previously and unequivocally rejected this proposal, viewing it as a violation.',
    );
    expect(a.chain(a.claims[0]!)).toEqual(['Syrian government(government)']);
    expect(a.claims[0]!.evidence.text).toBe('this proposal, viewing it as a violation');
    const b = one("Israelis, in turn, question whether Syria's new leadership can curb hostile intent.");
    expect(b.claims[0]!.chain[0]!.evidence.text).toBe('Israelis, in turn, question');
    expect(b.claims[0]!.evidence.text).toBe("whether Syria's new leadership can curb hostile intent");
  });

  it('reads "X fears that", "X believes that" and "X portrays Y as" as positions', () => {
    const fear = one("Syrians fear that Israel won't honor any commitments.").claims[0]!;
    expect(fear.kind).toBe('position');
    expect(fear.evidence.text).toBe("Israel won't honor any commitments");
    const team = one('Trump and his team believe that basic security arrangements would pave the way.');
    expect(team.chain(team.claims[0]!)).toEqual(['Trump and his team(organisation)']);
    const wh = one('The White House portrays the talks as a strategic starting point.');
    expect(wh.claims[0]!.chain[0]!.role).toBe('portrayed');
    expect(wh.claims[0]!.evidence.text).toBe('the talks as a strategic starting point');
  });

  it('gives participles after an opening adjunct and ", while" the clause subject, and splits there', () => {
    const { doc, claims } = one(
      'In his UN speech, Netanyahu sought to ease tensions, expressing confidence in a deal, while stressing that talks depended on Israeli interests.',
    );
    expect(claims.map((c) => c.evidence.text)).toEqual([
      'confidence in a deal',
      'talks depended on Israeli interests',
    ]);
    for (const c of claims) expect(describeChain(doc, c)).toEqual(['Netanyahu(person)']);
    const prior = one('Trump predicted that a deal was close, revealing an understanding with Netanyahu.');
    expect(prior.claims.map((c) => prior.chain(c))).toEqual([['Trump(person)'], ['Trump(person)']]);
  });

  it('ends a content at ", while <speaker> <cue>" so the second attribution is found', () => {
    const { doc, claims } = one(
      'Israel refuses to fully withdraw without strict conditions, while Syria refuses to grant any legitimacy to the occupation.',
    );
    expect(claims.map((c) => [describeChain(doc, c)[0], c.kind, c.evidence.text])).toEqual([
      ['Israeli government(government)', 'rejection', 'to fully withdraw without strict conditions'],
      ['Syrian government(government)', 'rejection', 'to grant any legitimacy to the occupation'],
    ]);
  });

  it('takes the subject of "X met Y and told him that ..." and drops an unresolved "him"', () => {
    const { doc, claims } = one(
      'At a summit in Riyadh, Trump met with al-Sharaa and told him outright that "Syria must pursue peace" if it wants support.',
    );
    expect(describeChain(doc, claims[0]!)).toEqual(['Trump(person)']);
    expect(claims[0]!.chain[0]!.role).toBe('told');
    expect(claims[0]!.chain[0]!.addressee).toBeUndefined();
    expect(claims[0]!.quote).toBe('Syria must pursue peace');
  });

  it('nests "X cautioned against “...”, according to Z" as Z -> X', () => {
    const { doc, claims } = one(
      'Following a clash, Trump even issued a rare warning to Tel Aviv, cautioning against "destabilizing Damascus and its new leadership," according to the Times of Israel.',
    );
    expect(claims).toHaveLength(1);
    expect(describeChain(doc, claims[0]!)).toEqual(['The Times of Israel(outlet)', 'Trump(person)']);
    expect(claims[0]!.chain.map((h) => h.role)).toEqual(['according_to', 'warned']);
    expect(claims[0]!.kind).toBe('warning');
    expect(claims[0]!.evidence.text).toBe('"destabilizing Damascus and its new leadership,"');
  });

  it('makes every item of a colon-introduced list a content of the same attribution', () => {
    const text =
      'According to leaks, the proposed framework included:\n\nA buffer zone covering Suwayda;\n\nAn end to Israeli airstrikes;\n\nA Syrian commitment not to deploy heavy weapons.\n\nTrump told al-Sharaa that peace was near.';
    const { doc, claims } = one(text);
    expect(claims.map((c) => c.evidence.text)).toEqual([
      'A buffer zone covering Suwayda',
      'An end to Israeli airstrikes',
      'A Syrian commitment not to deploy heavy weapons',
      'peace was near',
    ]);
    for (const c of claims.slice(0, 3)) {
      expect(describeChain(doc, c)).toEqual(['leaks(leak,anon)']);
      expect(c.chain[0]!.role).toBe('according_to');
      expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    }
    expect(describeChain(doc, claims[3]!)).toEqual(['Trump(person)->al-Sharaa']);
    const bullets = one(
      'The ministry said:\n- talks resume Monday\n- the border stays closed\n\nNothing else.',
    );
    expect(bullets.claims.map((c) => c.evidence.text)).toEqual([
      'talks resume Monday',
      'the border stays closed',
    ]);
  });

  it('reads a cue noun after a support verb: "reintroduced a demand for", "issued a warning to Y that"', () => {
    const a = one('Israel reintroduced a demand for the creation of a humanitarian corridor to Suwayda.');
    expect(a.chain(a.claims[0]!)).toEqual(['Israeli government(government)']);
    expect(a.claims[0]!.kind).toBe('demand');
    expect(a.claims[0]!.chain[0]!.evidence.text).toBe('Israel reintroduced a demand');
    expect(a.claims[0]!.evidence.text).toBe('the creation of a humanitarian corridor to Suwayda');
    const b = one('The senator issued a warning to Iran that sanctions would follow.');
    expect(b.chain(b.claims[0]!)).toEqual(['senator(organisation)->Iranian government']);
    expect(b.claims[0]!.chain[0]!.role).toBe('warned');
    expect(b.claims[0]!.evidence.text).toBe('sanctions would follow');
  });

  it('reads "From X’s perspective, ..." as X holding the view', () => {
    const { doc, claims } = one('From Damascus’s perspective, the message was mixed.');
    expect(describeChain(doc, claims[0]!)).toEqual(['Syrian government(government)']);
    expect(claims[0]!.chain[0]!.role).toBe('according_to');
    expect(claims[0]!.chain[0]!.evidence.text).toBe('From Damascus’s perspective');
    expect(claims[0]!.kind).toBe('position');
    expect(claims[0]!.evidence.text).toBe('the message was mixed');
  });

  it("reads a heading like “Syria's Demands:” as the speaker of each item under it", () => {
    const text =
      "#### Syria's Demands:\n\nFull withdrawal of Israeli forces;\n\nA complete halt to Israeli attacks.\n\nIsrael's Demands:\n\nA demilitarized zone in southern Syria.";
    const { doc, claims } = one(text);
    expect(claims.map((c) => [describeChain(doc, c)[0], c.kind, c.chain[0]!.role, c.evidence.text])).toEqual([
      ['Syrian government(government)', 'demand', 'demanded', 'Full withdrawal of Israeli forces'],
      ['Syrian government(government)', 'demand', 'demanded', 'A complete halt to Israeli attacks'],
      ['Israeli government(government)', 'demand', 'demanded', 'A demilitarized zone in southern Syria'],
    ]);
    expect(claims[0]!.chain[0]!.evidence.text).toBe("Syria's Demands");
    expect(() => parseArticleDocument(doc)).not.toThrow();
    expect(one("Background:\n\nSyria's economy.\n\nSome text.").claims).toEqual([]);
  });
});

describe('inputs and offsets', () => {
  const html = `<html><head><style>p{}</style><script>var said = 1;</script></head><body>
    <nav><a href="/">Home</a> said nothing</nav>
    <article><h1>Talks resume</h1><p>Reuters quoted a Syrian official as saying the talks would resume &amp; continue.</p>
    <p>&ldquo;It is a new chapter,&rdquo; the minister said.</p></article><footer>Copyright</footer></body></html>`;

  it('strips tags, boilerplate and entities from HTML', () => {
    const text = toPlainText(html, 'html');
    expect(text).toBe(
      'Talks resume\n\nReuters quoted a Syrian official as saying the talks would resume & continue.\n\n“It is a new chapter,” the minister said.',
    );
  });

  it('strips Markdown syntax', () => {
    const md =
      '# Title\n\nThe **minister** [said](https://x.org) that the *talks* would resume.\n\n- According to AFP, talks resumed.';
    expect(toPlainText(md, 'markdown')).toBe(
      'Title\n\nThe minister said that the talks would resume.\n\nAccording to AFP, talks resumed.',
    );
  });

  it('keeps every evidence span equal to its words in article.text, and validates', () => {
    const doc = extractDocument(html, meta, { lexicon: lex, fileName: 'a.html' });
    expect(doc.claims.length).toBe(2);
    for (const claim of doc.claims) {
      expect(doc.article.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.text);
      for (const hop of claim.chain) {
        expect(doc.article.text.slice(hop.evidence.start, hop.evidence.end)).toBe(hop.evidence.text);
      }
    }
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const text = 'Fans 🎉🎉 cheered. The coach said that “the season is over.”';
    const doc = extractFromText(text, meta, { lexicon: lex });
    const claim = doc.claims[0]!;
    expect(text.slice(claim.evidence.start, claim.evidence.end)).toBe('“the season is over.”');
  });
});
