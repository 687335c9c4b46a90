import Link from 'next/link';

/** Page links for a paged list: previous, the pages around the current one, next. `href` builds a page's link. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const around = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const link = 'rounded-md border border-slate-300 px-2.5 py-1 no-underline dark:border-slate-700';
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-1.5 text-sm" data-testid="pager">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ← Previous
        </Link>
      ) : null}
      {around.map((p, i) => (
        <span key={p} className="flex items-center gap-1.5">
          {i > 0 && p - (around[i - 1] ?? p) > 1 ? <span aria-hidden="true">…</span> : null}
          {p === page ? (
            <span aria-current="page" className={`${link} bg-sky-700 font-medium text-white dark:bg-sky-600`}>
              {p}
            </span>
          ) : (
            <Link href={href(p)} className={link} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
