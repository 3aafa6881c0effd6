/**
 * Reads PolNeAR's brat standoff annotations. Each contiguous segment of a span becomes one span,
 * as in the token-tagging setups published systems are scored with (a discontinuous Content is
 * two spans there too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../../src/extract/attributions.js';

export type Role = 'Source' | 'Cue' | 'Content';
export const ROLES: readonly Role[] = ['Source', 'Cue', 'Content'];

export interface RoleSpans {
  Source: Span[];
  Cue: Span[];
  Content: Span[];
}

export interface AnnotatedArticle {
  article: string;
  annotationFile: string;
  text: string;
  gold: RoleSpans;
}

export function emptyRoleSpans(): RoleSpans {
  return { Source: [], Cue: [], Content: [] };
}

export function parseBrat(ann: string): RoleSpans {
  const out = emptyRoleSpans();
  for (const line of ann.split('\n')) {
    const [id, spec] = line.split('\t');
    if (!id?.startsWith('T') || !spec) continue;
    const space = spec.indexOf(' ');
    const role = spec.slice(0, space);
    if (role !== 'Source' && role !== 'Cue' && role !== 'Content') continue;
    for (const segment of spec.slice(space + 1).split(';')) {
      const [s, e] = segment.trim().split(/\s+/).map(Number);
      if (s === undefined || e === undefined || !Number.isFinite(s) || !Number.isFinite(e) || e <= s)
        continue;
      out[role].push({ start: s, end: e });
    }
  }
  return out;
}

/** How articles with several annotation files (several annotators) are used. */
export type AnnotatorPolicy = 'first' | 'each';

/** Article id of an annotation file: the name without the trailing annotator code. */
export function articleIdOf(annotationFile: string): string {
  return annotationFile.replace(/_[0-9a-f]+\.ann$/, '');
}

/**
 * Loads one split. `first`: one annotation file per article, the first by file name, so each
 * article counts once. `each`: every annotation file is scored as its own document.
 */
export function loadSplit(
  corpusDir: string,
  split: string,
  policy: AnnotatorPolicy = 'first',
): AnnotatedArticle[] {
  const annDir = path.join(corpusDir, split, 'attributions');
  const textDir = path.join(corpusDir, split, 'text');
  const files = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const seen = new Set<string>();
  const out: AnnotatedArticle[] = [];
  for (const file of files) {
    const article = articleIdOf(file);
    if (policy === 'first' && seen.has(article)) continue;
    seen.add(article);
    const text = readFileSync(path.join(textDir, `${article}.txt`), 'utf8');
    out.push({
      article,
      annotationFile: file,
      text,
      gold: parseBrat(readFileSync(path.join(annDir, file), 'utf8')),
    });
  }
  return out;
}
