import { describe, expect, it } from 'vitest';
import { makeChange } from './test-fixtures';
import { pageOf, parseListing, serializeListing } from './listing';
import { sortChanges } from './query';

describe('the change listing', () => {
  it('reads view, sort and page from the URL, falling back on anything it does not know', () => {
    expect(parseListing({ view: 'compact', sort: 'title', page: '3' })).toEqual({
      view: 'compact',
      sort: 'title',
      page: 3,
    });
    expect(parseListing({ view: 'x', sort: 'constructor', page: '-1' })).toEqual({
      view: 'cards',
      sort: 'relevance',
      page: 1,
    });
    expect(parseListing(new URLSearchParams('page=2.5'))).toMatchObject({ page: 1 });
    expect(serializeListing({ view: 'compact', sort: 'relevance', page: 2 })).toBe('view=compact&page=2');
    expect(serializeListing(parseListing({}))).toBe('');
  });

  it('sorts by severity, release, title or SIG, and keeps search order for relevance', () => {
    const changes = [
      makeChange({ id: 'b', title: 'Beta change', release: '1.25', severity: 'info', sig: 'sig-auth' }),
      makeChange({ id: 'a', title: 'Alpha change', release: '1.24', severity: 'breaking', sig: 'sig-node' }),
      makeChange({ id: 'c', title: 'Gamma change', release: '1.24', severity: 'action', sig: 'sig-apps' }),
    ];
    const ids = (sort: Parameters<typeof sortChanges>[1]) => sortChanges(changes, sort).map((c) => c.id);
    expect(ids('relevance')).toEqual(['b', 'a', 'c']);
    expect(ids('severity')).toEqual(['a', 'c', 'b']);
    expect(ids('release')).toEqual(['a', 'c', 'b']);
    expect(ids('title')).toEqual(['a', 'b', 'c']);
    expect(ids('sig')).toEqual(['c', 'b', 'a']);
  });

  it('pages a list, showing the last page for a page past the end', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 1, 20)).toMatchObject({ page: 1, pages: 3, from: 1, to: 20 });
    expect(pageOf(items, 3, 20)).toMatchObject({ items: [40, 41, 42, 43, 44], from: 41, to: 45 });
    expect(pageOf(items, 99, 20).page).toBe(3);
    expect(pageOf([], 1, 20)).toMatchObject({ pages: 1, from: 0, to: 0 });
  });
});
