/** What the attribution rules produce: spans only, turned into agents and hops by `build.ts`. */
import type { CueEntry } from '../lexicon.js';

export interface Span {
  start: number;
  end: number;
}

/** A relayed teller inside the cue construction ("quoted <a Syrian official> as saying"). */
export interface Relay {
  source: Span;
  cue: Span;
  entry: CueEntry;
}

export interface Attribution {
  source?: Span;
  cue: Span;
  /** One or more segments: a quote may continue after "he said." */
  content: Span[];
  addressee?: Span;
  entry: CueEntry;
  /** Tellers between the source and the content, outermost first. */
  relays: Relay[];
  /** An attribution that opens the content ("... that President X told Y that ..."). */
  inner?: Attribution;
  /**
   * Items of a list the content introduces with a colon ("the framework included:" and one item
   * per line below): each is a content of this same attribution (of its innermost layer).
   */
  items?: Span[];
  /** The rule that fired; used for confidence and for error analysis. */
  pattern: string;
  confidence: number;
}

/** Options for the finder; defaults are the values tuned on the PolNeAR dev split. */
export interface FinderOptions {
  /** Include auxiliaries and adverbs before the verb in the cue ("has said"). Default true. */
  cueWithAuxiliaries?: boolean;
  /** Report attributions whose cue is weak (found, believes, shows). Default true. */
  includeWeakCues?: boolean;
  /** Look for nested attributions inside contents. Default true. */
  nested?: boolean;
}

/** Token range a rule may look at: a sentence, or part of one (`end` is one past the last token). */
export interface Window {
  first: number;
  end: number;
}

/** An inclusive token range of a phrase (a speaker, an anonymity phrase). */
export interface TokenRange {
  first: number;
  last: number;
}
