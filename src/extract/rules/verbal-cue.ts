/**
 * Verbal cues ("said", "told", "warned that", "adding that"): the main construction of news
 * attribution, with its speaker before or after the verb.
 */
import type { CueEntry } from '../lexicon.js';
import { isClosingQuote } from '../quotes.js';
import { speakerEndBefore } from './anonymity.js';
import { citationAfterCue, citationBeforeCue, citationClosing } from './citation.js';
import { contentAfter, contentBefore, continuation, endsClause, skipAdjunct, untilComma } from './content.js';
import { finish } from './finish.js';
import { PASSIVE_ROLES, passive, passiveTold } from './passive.js';
import { clauseSubject, npLeft, npRight, sourceBefore, subjectPastAdverbs } from './phrases.js';
import type { Attribution, Relay, Span, Window } from './types.js';
import { type Reader, SENTENCE_END } from './window.js';

/**
 * A verbal cue and the speaker, addressee, relays and content around it, in the shapes news prose
 * uses: "S CUE [addressee] [adjunct] (that|:) CONTENT", "CONTENT, S CUE.", "“...,” CUE S.",
 * "S, APPOSITIVE, CUE ...", "..., CUEing CONTENT" (the clause subject speaks), "X, who said ...,"
 * (the antecedent speaks), "quoted X as saying" and ", citing X, that" (relays). `prior` is the
 * attribution found before in the same sentence, whose speaker a participle takes.
 */
export function verbal(
  r: Reader,
  i: number,
  end: number,
  entry: CueEntry,
  w: Window,
  prior?: Attribution,
): Attribution | undefined {
  let cueFirst = i;
  if (r.opts.cueWithAuxiliaries) {
    while (cueFirst - 1 >= w.first) {
      const p = r.t[cueFirst - 1]!;
      if (r.lex.auxiliaries.has(p.lower) && (p.pos === 'AUX' || p.pos === 'ADV' || p.pos === 'VERB'))
        cueFirst--;
      else break;
    }
  }
  const cue = r.span(cueFirst, end - 1);
  const relays: Relay[] = [];
  const gerund = r.t[i]!.lower.endsWith('ing');

  // ", adding that ..." / ", citing two officials, ...": the clause subject is the source.
  const contrast = r.lex.words.contrast.has(r.t[cueFirst - 1]?.lower ?? '') && r.isPunct(cueFirst - 2, ',');
  if (gerund && (r.isPunct(cueFirst - 1, ',') || contrast)) {
    if (entry.relayParenthetical) return undefined; // handled as a relay by the outer cue
    // The speaker of an attribution earlier in the sentence is the one who goes on "revealing".
    const subject = prior?.source
      ? undefined
      : (clauseSubject(r, w, cueFirst) ?? npRight(r, w.first, w, false));
    const content = contentAfter(r, skipAdjunct(r, end, w), w);
    if (!(subject || prior?.source) || !content) return undefined;
    return finish(
      r,
      {
        source: prior?.source ?? r.span(subject!.first, subject!.last),
        cue,
        content: [content],
        entry,
        relays,
        pattern: 'participle',
        confidence: 0.45,
      },
      w,
    );
  }

  // "That proposal was flatly rejected by Damascus", "the concept reportedly floated by Tel Aviv".
  if (PASSIVE_ROLES.has(entry.role) && r.t[end]?.lower === 'by') {
    const byAgent = passive(r, i, end, cue, entry, w);
    if (byAgent) return byAgent;
  }

  // "i24NEWS was told by officials familiar with the talks that ...": the teller follows "by".
  if (entry.takesAddressee && r.t[end]?.lower === 'by') {
    const told = passiveTold(r, cueFirst, end, cue, entry, w);
    if (told) return told;
  }

  // "A diplomat who asked not to be named said ...", "An official, speaking on condition of
  // anonymity, said ...": the speaker stands before the phrase.
  const speakerEnd = speakerEndBefore(r, cueFirst);
  // "The report, citing unnamed officials, said ...", "Citing an official, the network reported ...".
  const citedBefore = citationBeforeCue(r, cueFirst, w);
  let relative = false;
  let before =
    (speakerEnd < cueFirst ? npLeft(r, speakerEnd - 1, w) : undefined) ??
    (citedBefore?.speakerEnd !== undefined ? sourceBefore(r, citedBefore.speakerEnd, w) : undefined) ??
    sourceBefore(r, cueFirst, w) ??
    subjectPastAdverbs(r, cueFirst, w) ??
    // "Trump met with al-Sharaa and told him ...": the subject of the first verb speaks.
    (r.t[cueFirst - 1]?.lower === 'and' ? clauseSubject(r, w, cueFirst - 1) : undefined);
  // "Tom Barrack, who said two weeks ago that ..., met ...": the speaker is the antecedent.
  if (
    before &&
    before.first === before.last &&
    r.t[before.first]!.lower === 'who' &&
    r.isPunct(before.first - 1, ',')
  ) {
    const antecedent = npLeft(r, before.first - 2, w);
    before = antecedent;
    relative = antecedent !== undefined;
  }
  if (before) {
    const source = r.span(before.first, before.last);
    if (
      citedBefore &&
      (citedBefore.speakerEnd !== undefined
        ? before.last < citedBefore.speakerEnd
        : before.first === citedBefore.opening! + 1)
    )
      relays.push(citedBefore.relay);
    let k = end;
    let addressee: Span | undefined;
    /** "quoted X as saying": the content follows the relay, never stands before the speaker. */
    let quotedAs = false;
    if (entry.relay) {
      // "quoted a Syrian official as saying ..."
      const relayed = npRight(r, k, w);
      if (relayed && r.wordsAt(relayed.last + 1, entry.relay)) {
        const relayCueEnd = relayed.last + entry.relay.length;
        const said = r.lex.cues.find((c) => c.words.length === 1 && c.words[0] === r.t[relayCueEnd]!.lower);
        relays.push({
          source: r.span(relayed.first, relayed.last),
          cue: r.span(relayed.last + 1, relayCueEnd),
          entry: said ?? entry,
        });
        k = relayCueEnd + 1;
        quotedAs = true;
      }
    } else if (entry.takesAddressee || (r.t[k]?.lower === 'to' && k < w.end - 1)) {
      // "told US envoy Tom Barrack", "hinted to US officials"
      const listener = npRight(r, entry.takesAddressee ? k : k + 1, w, false);
      if (listener) {
        addressee = r.span(listener.first, listener.last);
        k = listener.last + 1;
      }
    }
    // ", citing two officials, that ...", "reported on Friday, citing ...", "..., X reported, citing Y."
    const cited = citationAfterCue(r, k, w);
    if (cited) {
      relays.push(cited.relay);
      k = cited.next;
      if (r.isPunct(k, ',')) k++;
    }
    if (endsClause(r, k, w) && !quotedAs) {
      const content = contentBefore(r, before.first - 1, w);
      if (!content) return undefined;
      const segments = [content];
      const more = continuation(r, k, w);
      if (more && r.quotes.openOf.has(content.end - 1)) segments.push(more);
      return finish(
        r,
        {
          source,
          cue,
          content: segments,
          ...(addressee ? { addressee } : {}),
          entry,
          relays,
          pattern: 'content-source-cue',
          confidence: 0.7,
        },
        w,
      );
    }
    const from = skipAdjunct(r, k, w);
    let content = contentAfter(r, from, w);
    // The relative clause ends at its closing comma: "..., who said that X, met Y".
    if (content && relative) content = untilComma(r, content);
    if (!content) return undefined;
    // "X reported that ..., citing an Israeli official.": the content ends before the citation.
    const closing = relays.length === 0 && !relative ? citationClosing(r, from, w) : undefined;
    if (closing && r.tokenEndingAt.get(content.end) === closing.comma - 1) relays.push(closing.relay);
    return finish(
      r,
      {
        source,
        cue,
        content: [content],
        ...(addressee ? { addressee } : {}),
        entry,
        relays,
        pattern: relative ? 'relative-clause' : 'source-cue-content',
        confidence: 0.7,
      },
      w,
    );
  }

  // “...,” said the minister.
  const prev = cueFirst - 1;
  if (prev >= w.first && (r.isPunct(prev, ',') || r.isClosing(prev))) {
    const np = npRight(r, end, w);
    if (!np) return undefined;
    const after = r.t[np.last + 1];
    if (
      after &&
      !(
        SENTENCE_END.has(after.text) ||
        after.text === ',' ||
        after.text === '(' ||
        isClosingQuote(after.text)
      )
    )
      return undefined;
    const content = contentBefore(r, prev, w);
    if (!content) return undefined;
    return finish(
      r,
      {
        source: r.span(np.first, np.last),
        cue,
        content: [content],
        entry,
        relays,
        pattern: 'content-cue-source',
        confidence: 0.65,
      },
      w,
    );
  }
  return undefined;
}
