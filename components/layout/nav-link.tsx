'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A header link that marks itself as the current page. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === '/' ? pathname === '/' : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`shrink-0 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium no-underline hover:bg-slate-100 hover:no-underline dark:hover:bg-slate-800 ${
        current ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white' : 'text-slate-700 dark:text-slate-300'
      }`}
    >
      {children}
    </Link>
  );
}
