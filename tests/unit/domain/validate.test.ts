/** Bad documents are rejected before anything is written, naming the claim and the field. */
import { describe, expect, it } from 'vitest';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { miniDoc } from '../../support/mini-doc.js';
import { issuesOf } from '../../support/validation.js';

describe('document validation', () => {
  it('accepts the mini document and derives hop anonymity from the agent', () => {
    const doc = parseArticleDocument(miniDoc());
    expect(doc.claims[0]!.chain.map((h) => h.anonymous)).toEqual([false, true, false]);
  });

  it('names a missing field', () => {
    const doc = miniDoc() as any;
    delete doc.claims[1].text;
    expect(issuesOf(doc)).toContainEqual(
      expect.objectContaining({ path: 'claims[1].text', claimId: 'minister-no-resign' }),
    );
  });

  it('names a field of the wrong type', () => {
    const doc = miniDoc() as any;
    doc.claims[0].chain[0].evidence.start = 'twelve';
    const issues = issuesOf(doc);
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'claims[0].chain[0].evidence.start', claimId: 'ceasefire-will-fail' }),
    );
    expect(issues[0]!.message).toMatch(/number/i);
  });

  it('names an unknown reference', () => {
    const doc = miniDoc();
    doc.claims[2]!.about = ['talks-march', 'atlantis'];
    expect(issuesOf(doc)).toContainEqual(
      expect.objectContaining({
        path: 'claims[2].about[1]',
        claimId: 'talks-resume-march',
        message: expect.stringMatching(/unknown reference "atlantis"/),
      }),
    );
  });

  it('names a span that does not read its words', () => {
    const doc = miniDoc();
    const span = doc.claims[3]!.evidence!;
    doc.claims[3]!.evidence = { start: span.start + 1, end: span.end + 1, text: span.text };
    expect(issuesOf(doc)).toContainEqual(
      expect.objectContaining({ path: 'claims[3].evidence.text', claimId: 'truce-fragile' }),
    );
  });

  it('names a chain that loops back on itself', () => {
    const doc = miniDoc();
    const chain = doc.claims[0]!.chain!;
    chain.push({ ...chain[0]!, role: 'reported' });
    expect(issuesOf(doc)).toContainEqual(
      expect.objectContaining({
        path: 'claims[0].chain[3].agent',
        claimId: 'ceasefire-will-fail',
        message: expect.stringMatching(/chain cycle/),
      }),
    );
  });

  it('refuses an anonymous flag that contradicts the agent', () => {
    const doc = miniDoc();
    doc.claims[1]!.chain![1]!.anonymous = true;
    expect(issuesOf(doc)).toContainEqual(expect.objectContaining({ path: 'claims[1].chain[1].anonymous' }));
  });

  it('refuses a sourced claim with no chain', () => {
    const doc = miniDoc();
    doc.claims[2]!.chain = [];
    expect(issuesOf(doc)).toContainEqual(
      expect.objectContaining({ path: 'claims[2].chain', claimId: 'talks-resume-march' }),
    );
  });

  it('refuses duplicate ids and a quote that is not in the text', () => {
    const doc = miniDoc();
    doc.claims[1]!.id = 'ceasefire-will-fail';
    doc.claims[0]!.quote = 'words nobody printed';
    const issues = issuesOf(doc);
    expect(issues).toContainEqual(expect.objectContaining({ path: 'claims[1].id' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'claims[0].quote' }));
  });
  it('refuses a claim related to itself, naming the relation', () => {
    const doc = miniDoc();
    doc.relations = [{ from: 'minister-no-resign', to: 'minister-no-resign', type: 'SUPPORTS' }];
    expect(issuesOf(doc)).toEqual([
      { path: 'relations[0].to', message: 'a claim cannot be related to itself' },
    ]);
  });

  it('refuses an actor affiliated with itself', () => {
    const doc = miniDoc();
    doc.actors![1]!.affiliation = 'eu';
    expect(issuesOf(doc)).toEqual([
      { path: 'actors[1].affiliation', message: expect.stringMatching(/"eu" cannot be its own affiliation/) },
    ]);
  });

  it('refuses a ring of affiliations, naming every member of the ring once', () => {
    const doc = miniDoc();
    // france -> eu -> colleagues -> france, and the minister hangs off the ring without being in it.
    doc.actors![2]!.affiliation = 'eu';
    doc.actors![1]!.affiliation = 'colleagues';
    doc.actors![3]!.affiliation = 'france';
    doc.actors![0]!.affiliation = 'france';
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'actors[1].affiliation',
      'actors[2].affiliation',
      'actors[3].affiliation',
    ]);
    for (const issue of issues)
      expect(issue.message).toMatch(/^affiliation cycle: "\w+" -> "\w+" -> "\w+" -> "\w+"$/);
  });

  it('refuses a place within itself, and accepts a chain of affiliations with a top', () => {
    const selfPlace = miniDoc();
    selfPlace.places![0]!.within = 'paris';
    expect(issuesOf(selfPlace)).toEqual([
      { path: 'places[0].within', message: expect.stringMatching(/"paris" cannot be its own within/) },
    ]);
    const chain = miniDoc();
    chain.actors![0]!.affiliation = 'france';
    chain.actors![2]!.affiliation = 'eu';
    chain.actors![3]!.affiliation = 'france';
    expect(() => parseArticleDocument(chain)).not.toThrow();
  });
});
