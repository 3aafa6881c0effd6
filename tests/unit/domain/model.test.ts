/** The graph vocabulary (src/domain/model.ts): a key's label is read back from its shape. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentKey } from '../../../src/domain/assessment.js';
import {
  actorKey,
  articleKey,
  claimKey,
  eventKey,
  placeKey,
  sourceKey,
  tellingKey,
} from '../../../src/domain/keys.js';
import { KEY_PREFIX, NODE_LABELS, isKeyOf, labelOfKey } from '../../../src/domain/model.js';

const localId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/);
const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/);

describe('labelOfKey', () => {
  it('reads a version or telling suffix only when it is the whole tail after the claim', () => {
    expect(labelOfKey('art#claim@v12')).toBe('Revision');
    expect(labelOfKey('art#claim@12')).toBe('Telling');
    expect(labelOfKey('art#claim@v1x')).toBeNull();
    expect(labelOfKey('art#claim@12x')).toBeNull();
    expect(labelOfKey('art#claim@x@v1')).toBeNull();
    expect(labelOfKey('art#claim@x@12')).toBeNull();
  });

  it('reads back the label of every key the ingest makes', () => {
    fc.assert(
      fc.property(localId, localId, name, fc.nat(12), (a, b, n, hop) => {
        expect(labelOfKey(articleKey(a))).toBe('Article');
        expect(labelOfKey(claimKey(a, b))).toBe('Claim');
        expect(labelOfKey(tellingKey(a, b, hop))).toBe('Telling');
        expect(labelOfKey(`${claimKey(a, b)}@v${hop + 1}`)).toBe('Revision');
        expect(labelOfKey(actorKey(n))).toBe('Actor');
        expect(labelOfKey(placeKey(n))).toBe('Place');
        expect(labelOfKey(eventKey(a, b))).toBe('Event');
        expect(labelOfKey(sourceKey(a, b, n, true))).toBe('Source');
        expect(labelOfKey(sourceKey(a, b, n, false))).toBe('Source');
        const assessment = assessmentKey(claimKey(a, b), {
          date: '2026-01-05',
          reviewer: n,
          verdict: 'False',
        });
        expect(labelOfKey(assessment)).toBe('Assessment');
      }),
    );
  });

  it('gives null for strings that are no key of ours', () => {
    for (const s of ['', 'actor:', 'nothing', '#x', 'a#', 'a#b@', 'a#b@x', 'a#b@v', 'Actor:x']) {
      expect(labelOfKey(s)).toBeNull();
    }
  });

  it('isKeyOf checks against a list of labels', () => {
    expect(isKeyOf('actor:x', ['Actor', 'Source'])).toBe(true);
    expect(isKeyOf('place:x', ['Actor', 'Source'])).toBe(false);
  });

  it('has a prefix only for labels of the graph', () => {
    for (const label of Object.keys(KEY_PREFIX)) expect(NODE_LABELS).toContain(label);
  });
});
