/** Perspective: "From Damascus’s perspective, the message was mixed": the possessor holds the view. */
import type { CueEntry } from '../lexicon.js';
import { contentAfter } from './content.js';
import { finish } from './finish.js';
import type { Attribution, Window } from './types.js';
import { NP_POS, type Reader } from './window.js';

/** "From Damascus’s perspective, the message was mixed": the possessor holds the view. */
export function perspective(r: Reader, i: number, w: Window): Attribution | undefined {
  if (r.t[i]!.lower !== 'from' || !(i === w.first || r.isPunct(i - 1))) return undefined;
  const possessive = (k: number) => /^['’]s$/.test(r.t[k]?.lower ?? '');
  let p = i + 1;
  while (p < w.end && p - i <= 6 && !possessive(p)) p++;
  if (p >= w.end || p === i + 1 || !possessive(p)) return undefined;
  const owner = { first: i + 1, last: p - 1 };
  for (let k = owner.first; k <= owner.last; k++) if (!NP_POS.has(r.t[k]!.pos)) return undefined;
  const words = r.lex.perspectives.find((ws) => r.wordsAt(p + 1, ws));
  if (!words) return undefined;
  const comma = p + 1 + words.length;
  if (!r.isPunct(comma, ',')) return undefined;
  const content = contentAfter(r, comma + 1, w);
  if (!content) return undefined;
  const entry: CueEntry = {
    words: ['from', ...words],
    role: 'according_to',
    kind: 'position',
    prepositional: true,
    takesAddressee: false,
    needsVerbTag: false,
    weak: false,
    relayParenthetical: false,
  };
  return finish(
    r,
    {
      source: r.span(owner.first, owner.last),
      cue: r.span(i, comma - 1),
      content: [content],
      entry,
      relays: [],
      pattern: 'perspective',
      confidence: 0.5,
    },
    w,
  );
}
