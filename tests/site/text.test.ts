/** Text helpers: anchors, slugs, safe links, paragraphs, Dutch dates. */
import { describe, expect, test } from 'vitest';
import {
  extraAnchors, formatDate, formatDateShort, joinNl, linkify, pairAnchor, pairAnchorsOf, paragraphs, safeExternalUrl, slugify, snippetAround, truncate,
} from '../../src/site/text.ts';
import { fixtureRecords } from './helpers.ts';

describe('anchors', () => {
  test('single, merged, lettered and ranged labels', () => {
    expect(pairAnchor('3', [3])).toBe('vraag-3');
    expect(pairAnchor('2 en 3', [2, 3])).toBe('vraag-2-3');
    expect(pairAnchor('3a', [3])).toBe('vraag-3a');
    expect(pairAnchor('2 t/m 6', [2, 3, 4, 5, 6])).toBe('vraag-2-6');
    expect(extraAnchors('2 en 3', [2, 3])).toEqual(['vraag-2', 'vraag-3']);
    expect(extraAnchors('3', [3])).toEqual([]);
  });

  test('anchors stay unique when labels repeat or a merged pair precedes its own number', () => {
    const anchors = pairAnchorsOf([
      { label: '2 en 3', numbers: [2, 3] },
      { label: '3', numbers: [3] },
      { label: '3', numbers: [3] },
    ]);
    expect(anchors.map((a) => a.main)).toEqual(['vraag-2-3', 'vraag-3', 'vraag-3-2']);
    expect(anchors[0]!.extra).toEqual(['vraag-2']);
    const all = anchors.flatMap((a) => [a.main, ...a.extra]);
    expect(new Set(all).size).toBe(all.length);
  });

  test('seed 000 has twelve pairs with anchors vraag-1 … vraag-12', () => {
    const seed = fixtureRecords().find((r) => r.id === 'ah-tk-20202021-3976')!;
    expect(pairAnchorsOf(seed.pairs).map((a) => a.main)).toEqual(Array.from({ length: 12 }, (_, i) => `vraag-${i + 1}`));
  });
});

describe('safe links', () => {
  test('only absolute http(s) URLs pass', () => {
    expect(safeExternalUrl('https://www.nrc.nl/nieuws/2021/07/07/x')).toBe('https://www.nrc.nl/nieuws/2021/07/07/x');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '//evil.example/', '/relative', 'www.2doc.nl', '', null]) {
      expect(safeExternalUrl(bad)).toBeNull();
    }
  });

  test('linkify turns addresses in a footnote into links and leaves the rest as text', () => {
    const fn = '2Doc.n, 7 juli 2021 «Goede moeders», www.2doc.nl/documentaires/series/2doc/2021/goede-moeders.html.';
    const segs = linkify(fn);
    expect(segs).toEqual([
      { kind: 'text', text: '2Doc.n, 7 juli 2021 «Goede moeders», ' },
      { kind: 'link', text: 'www.2doc.nl/documentaires/series/2doc/2021/goede-moeders.html', href: 'https://www.2doc.nl/documentaires/series/2doc/2021/goede-moeders.html' },
      { kind: 'text', text: '.' },
    ]);
    expect(linkify('<a href="javascript:x">klik</a>').every((s) => s.kind === 'text')).toBe(true);
    expect(segs.map((s) => s.text).join('')).toBe(fn);
  });
});

describe('text', () => {
  test('paragraphs split on blank lines and join wrapped lines', () => {
    expect(paragraphs('Een\nregel.\n\n  Twee.  \n\n\n')).toEqual(['Een regel.', 'Twee.']);
    expect(paragraphs(null)).toEqual([]);
  });
  test('Dutch dates', () => {
    expect(formatDate('2021-09-07')).toBe('7 september 2021');
    expect(formatDateShort('2021-09-07')).toBe('7 sep. 2021');
    expect(formatDateShort('2021-05-01')).toBe('1 mei 2021');
    expect(formatDate(null)).toBe('onbekend');
  });
  test('slugs, truncation, joins and snippets', () => {
    expect(slugify('Van der Plas')).toBe('van-der-plas');
    expect(slugify('Wörsdörfer')).toBe('worsdorfer');
    expect(slugify('GroenLinks-PvdA')).toBe('groenlinks-pvda');
    expect(slugify('***')).toBe('onbekend');
    expect(truncate('een twee drie vier vijf', 12)).toBe('een twee…');
    expect(joinNl(['A', 'B', 'C'])).toBe('A, B en C');
    const text = 'Eerste zin. In het Toekomstscenario en de Hervormingsagenda Jeugd zetten we in op alles. Laatste zin.';
    expect(snippetAround(text, ['hervormingsagenda jeugd'])).toBe('… In het Toekomstscenario en de Hervormingsagenda Jeugd zetten we in op alles.');
    expect(snippetAround(text, ['ontbreekt'])).toBeNull();
  });
});
