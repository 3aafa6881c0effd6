/**
 * Tokens with character offsets and part-of-speech tags from wink-nlp's bundled English model,
 * which runs in-process and offline. Offsets are UTF-16 code units into the analysed text, the
 * same unit the document format uses for evidence spans.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  index: number;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Universal POS tag (PROPN, NOUN, VERB, PUNCT, ...). */
  pos: string;
  sentence: number;
}

export interface Sentence {
  index: number;
  /** Index of the first token and one past the last. */
  first: number;
  end: number;
  start: number;
  stop: number;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;

function engine(): ReturnType<typeof winkNLP> {
  // Loading the model takes a moment; do it once per process and only when needed.
  nlp ??= winkNLP(model);
  return nlp;
}

export function analyse(text: string): Analysis {
  const w = engine();
  const its = w.its;
  const doc = w.readDoc(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence, sIndex: number) => {
    const first = tokens.length;
    sentence.tokens().each((t: ItemToken) => {
      const value = t.out() as string;
      // Line breaks come back as tokens of their own; they are layout, not words.
      if (value.trim() === '') return;
      // wink keeps the text losslessly, but searching from the cursor also survives any
      // normalisation it may apply to unusual whitespace.
      let at = text.indexOf(value, cursor);
      if (at < 0) at = cursor;
      const end = Math.min(text.length, at + value.length);
      tokens.push({
        index: tokens.length,
        text: text.slice(at, end),
        lower: value.toLowerCase(),
        start: at,
        end,
        pos: t.out(its.pos) as string,
        sentence: sIndex,
      });
      cursor = end;
    });
    const last = tokens[tokens.length - 1];
    const head = tokens[first];
    if (head && last && tokens.length > first) {
      sentences.push({ index: sIndex, first, end: tokens.length, start: head.start, stop: last.end });
    }
  });
  return { text, tokens, sentences };
}
