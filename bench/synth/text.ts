/**
 * Article text assembled piece by piece, so every evidence span is the exact offset of the words
 * it quotes: spans are recorded as the text is written, never searched for afterwards (a search
 * would find the first of two identical phrases, not the one meant).
 */
import type { EvidenceSpan } from '../../src/domain/document.js';

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;

  /** Appends `text` and returns its span. */
  add(text: string): EvidenceSpan {
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return { start, end: this.length, text };
  }

  toString(): string {
    return this.parts.join('');
  }
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-03-04` for a day number counted from 1970-01-01. */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function weekday(day: number): string {
  return DAY_NAMES[new Date(day * 86_400_000).getUTCDay()]!;
}

export function monthName(day: number): string {
  return MONTH_NAMES[new Date(day * 86_400_000).getUTCMonth()]!;
}
