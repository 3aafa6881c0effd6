import { describe, expect, it } from 'vitest';
import type { ArticleDocument, Claim } from '../src/domain/document.js';
import { parseArticleDocument } from '../src/domain/validate.js';
import { findAttributions } from '../src/extract/attributions.js';
import { extractDocument, extractFromText } from '../src/extract/build.js';
import { toPlainText } from '../src/extract/input.js';
import { loadLexicon } from '../src/extract/lexicon.js';
import { analyse } from '../src/extract/tokens.js';

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
