/**
 * How the change list is shown, beside what it is filtered by: full cards or a compact one-line list, the order,
 * and the page. In the URL with the filters, so a view is a link.
 */
export const LIST_VIEWS = ['cards', 'compact'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

/** `relevance` is the search score, then breaking first; without a search it is the same as `severity`. */
export const LIST_SORTS = ['relevance', 'severity', 'release', 'title', 'sig'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const PAGE_SIZE: Record<ListView, number> = { cards: 20, compact: 100 };

export interface Listing {
  view: ListView;
  sort: ListSort;
  /** 1-based. */
  page: number;
}

export const DEFAULT_LISTING: Listing = { view: 'cards', sort: 'relevance', page: 1 };

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function first(input: QueryInput, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const v = input[key];
  return Array.isArray(v) ? v[0] : v;
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  v !== undefined && (list as readonly string[]).includes(v) ? (v as T) : fallback;

/** Reads the listing from a URL query; unknown values fall back to the defaults, pages to 1. */
export function parseListing(input: QueryInput): Listing {
  const page = Number(first(input, 'page'));
  return {
    view: oneOf(LIST_VIEWS, first(input, 'view'), DEFAULT_LISTING.view),
    sort: oneOf(LIST_SORTS, first(input, 'sort'), DEFAULT_LISTING.sort),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The listing's query parameters: only those that differ from the defaults. */
export function serializeListing(listing: Listing): string {
  const params = new URLSearchParams();
  if (listing.view !== DEFAULT_LISTING.view) params.set('view', listing.view);
  if (listing.sort !== DEFAULT_LISTING.sort) params.set('sort', listing.sort);
  if (listing.page !== 1) params.set('page', String(listing.page));
  return params.toString();
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** 1-based index of the first item shown, and of the last. */
  from: number;
  to: number;
}

/** One page of a list; a page past the end shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: current, pages, from: slice.length === 0 ? 0 : start + 1, to: start + slice.length };
}
