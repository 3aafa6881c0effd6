import { describe, expect, it } from 'vitest';
import { DocumentValidationError } from '../../../src/domain/validate.js';
import { htmlMeta, isoDate, markdownMeta, mergeMeta, requireMeta } from '../../../src/extract/meta.js';

describe('article metadata from the page', () => {
  it('reads Open Graph, article:published_time and the canonical link', () => {
    const meta = htmlMeta(
      '<html lang="en-GB"><head><meta property="og:title" content="Talks &amp; truce">' +
        '<meta property="og:site_name" content="Example Daily"><meta name="author" content="A. Writer">' +
        '<meta property="article:published_time" content="2026-01-05T09:30:00Z">' +
        '<link rel="canonical" href="https://example.org/t"></head><body><h1>Other</h1></body></html>',
    );
    expect(meta).toEqual({
      title: 'Talks & truce',
      publisher: 'Example Daily',
      date: '2026-01-05T09:30:00Z',
      url: 'https://example.org/t',
      author: 'A. Writer',
      language: 'en-GB',
    });
  });

  it('falls back to JSON-LD and <time datetime>, and takes the first heading over <title>', () => {
    const ld = htmlMeta(
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD headline",' +
        '"datePublished":"2026-02-01T10:00:00+02:00","publisher":{"name":"LD Wire"}}]}</script>',
    );
    expect(ld).toMatchObject({
      title: 'LD headline',
      date: '2026-02-01T10:00:00+02:00',
      publisher: 'LD Wire',
    });
    const time = htmlMeta(
      '<title>Site | Page</title><h1>The heading</h1><time datetime="2026-03-02">2 March</time>',
    );
    expect(time).toEqual({ title: 'The heading', date: '2026-03-02' });
  });

  it('reads Markdown front matter, else the first heading; a dateline is never a title', () => {
    expect(markdownMeta('---\ntitle: "T"\nsource: Wire\npublished: 2026-01-04\n---\n# H\n')).toEqual({
      title: 'T',
      publisher: 'Wire',
      date: '2026-01-04',
    });
    expect(markdownMeta('ISTANBUL\n\n# Real title\n\nText.')).toEqual({ title: 'Real title' });
    expect(markdownMeta('ISTANBUL\n\nText.')).toEqual({});
  });

  it('accepts only real ISO dates', () => {
    expect(isoDate('2026-01-05')).toBe('2026-01-05');
    expect(isoDate('2026-02-30')).toBeUndefined();
    expect(isoDate('January 5, 2026')).toBeUndefined();
  });

  it('lets given values win and names every gap in one error', () => {
    expect(mergeMeta({ title: 'Given', date: '' }, { title: 'Page', date: '2026-01-01' })).toEqual({
      title: 'Given',
      date: '2026-01-01',
    });
    let caught: unknown;
    try {
      requireMeta({ title: 'T' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentValidationError);
    expect((caught as DocumentValidationError).issues.map((i) => i.path)).toEqual([
      'article.publisher',
      'article.publishedAt',
    ]);
  });
});
