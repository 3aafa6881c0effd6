/**
 * Actor resolution at its edges (src/extract/resolve.ts): names compared by key slug (case,
 * punctuation, a leading "the"), a name match winning over another actor's alias, an alias of the
 * draft meeting a known name, "al-" and "el-" dropped from surnames, three letters being enough.
 */
import { describe, expect, it } from 'vitest';
import type { ActorKind } from '../../../src/domain/document.js';
import { type KnownActor, resolveActors } from '../../../src/extract/resolve.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { miniDoc } from '../../support/mini-doc.js';

function withActor(name: string, kind: ActorKind = 'person', aliases: string[] = []) {
  const doc = miniDoc();
  doc.actors![0] = { id: 'minister', name, kind, aliases };
  return parseArticleDocument(doc);
}
const matchOf = (name: string, known: KnownActor[], kind: ActorKind = 'person', aliases: string[] = []) =>
  resolveActors(withActor(name, kind, aliases), known).matches.find((m) => m.actorId === 'minister');

describe('resolveActors at the edges', () => {
  it('compares names as key slugs: case, punctuation and a leading "the" aside', () => {
    const known: KnownActor[] = [{ key: 'actor:guardian-group', name: 'Guardian Group', aliases: [] }];
    expect(matchOf('THE GUARDIAN GROUP', known, 'group')).toEqual({
      actorId: 'minister',
      key: 'actor:guardian-group',
      matchedBy: 'name',
    });
    expect(matchOf('  Guardian   group ', known, 'group')?.matchedBy).toBe('name');
    // "the" only at the start: "Group of the Guardian" is another name.
    expect(matchOf('Group of the Guardian', known, 'group')).toBeUndefined();
  });

  it("prefers one actor's name to another actor's alias", () => {
    const known: KnownActor[] = [
      { key: 'actor:france', name: 'French government', aliases: ['Paris'] },
      { key: 'actor:paris-city', name: 'Paris', aliases: [] },
    ];
    expect(matchOf('Paris', known, 'organisation')).toEqual({
      actorId: 'minister',
      key: 'actor:paris-city',
      matchedBy: 'name',
    });
  });

  it("meets a known name through the draft's own alias, and a known alias through the draft's name", () => {
    const known: KnownActor[] = [{ key: 'actor:sharaa', name: 'Ahmad al-Sharaa', aliases: ['al-Jolani'] }];
    expect(matchOf('the president', known, 'person', ['Ahmad al-Sharaa'])?.matchedBy).toBe('alias');
    expect(matchOf('Al-Jolani', known)?.matchedBy).toBe('alias');
  });

  it('drops "al-" and "el-" from a surname, and takes a surname of three letters', () => {
    const sisi: KnownActor[] = [{ key: 'actor:sisi', name: 'Abdel Fattah el-Sisi', aliases: [] }];
    expect(matchOf('Sisi', sisi)?.matchedBy).toBe('surname');
    expect(matchOf('al-Sisi', sisi)?.matchedBy).toBe('surname');
    const wei: KnownActor[] = [{ key: 'actor:li-wei', name: 'Li Wei', aliases: [] }];
    expect(matchOf('Wei', wei)).toEqual({ actorId: 'minister', key: 'actor:li-wei', matchedBy: 'surname' });
  });

  it('leaves a person unmatched when no known name carries the surname', () => {
    const known: KnownActor[] = [{ key: 'actor:sisi', name: 'Abdel Fattah el-Sisi', aliases: [] }];
    const r = resolveActors(withActor('Morsi'), known);
    expect(r.matches).toEqual([]);
    expect(r.unmatched).toContain('minister');
    expect(r.document.actors[0]).toEqual({ id: 'minister', name: 'Morsi', kind: 'person', aliases: [] });
  });
});

describe('resolveActors: which words make a surname match', () => {
  const sharaa: KnownActor[] = [{ key: 'actor:sharaa', name: 'Ahmad al-Sharaa', aliases: [] }];

  it('drops only a leading "the", the word itself, before counting a bare surname', () => {
    expect(matchOf('The Sharaa', sharaa)?.matchedBy).toBe('surname');
    expect(matchOf('  Sharaa', sharaa)?.matchedBy).toBe('surname');
    // First words that merely start or end with "the" are names, so these are full names.
    expect(matchOf('Theodore Sharaa', sharaa)).toBeUndefined();
    expect(matchOf('Blythe Sharaa', sharaa)).toBeUndefined();
  });

  it('drops "al-" or "el-" only at the start of a surname', () => {
    const known: KnownActor[] = [{ key: 'actor:abdel-aziz', name: 'Mohammed Abdel-Aziz', aliases: [] }];
    expect(matchOf('Abdel-Aziz', known)?.matchedBy).toBe('surname');
    expect(matchOf('Abdaziz', known)).toBeUndefined();
  });

  it('matches surnames of people only', () => {
    expect(matchOf('Sharaa', sharaa, 'organisation')).toBeUndefined();
  });

  it('renames a matched actor and keeps every other name as an alias, the known name not among them', () => {
    const known: KnownActor[] = [{ key: 'actor:sharaa', name: 'Ahmad al-Sharaa', aliases: ['al-Jolani'] }];
    const byName = resolveActors(withActor('Ahmad al-Sharaa'), known).document.actors[0]!;
    expect(byName).toMatchObject({ name: 'Ahmad al-Sharaa', aliases: ['al-Jolani'] });
    const bySurname = resolveActors(withActor('Sharaa', 'person', ['Abu Mohammed', 'al-Jolani']), known)
      .document.actors[0]!;
    expect(bySurname).toMatchObject({
      name: 'Ahmad al-Sharaa',
      aliases: ['Sharaa', 'Abu Mohammed', 'al-Jolani'],
    });
  });
});
