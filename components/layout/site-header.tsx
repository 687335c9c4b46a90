import Link from 'next/link';
import type { Theme } from '@/lib/theme';
import { NavLink } from './nav-link';
import { ThemeToggle } from './theme-toggle';

const links = [
  { href: '/', label: 'Overview' },
  { href: '/changes', label: 'Changes' },
  { href: '/apis', label: 'Removed APIs' },
  { href: '/upgrade', label: 'Upgrade path' },
  { href: '/impact', label: 'Check a cluster' },
  { href: '/reports', label: 'Reports' },
  { href: '/fleet', label: 'Fleet' },
];

/** The top bar: product name, main navigation and the theme switch. */
export function SiteHeader({ theme }: { theme: Theme }) {
  return (
    <header className="no-print border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="mr-2 flex items-center gap-2 font-semibold text-slate-900 no-underline dark:text-white"
        >
          <span
            aria-hidden="true"
            className="inline-block h-5 w-5 rounded-full border-4 border-sky-600 dark:border-sky-400"
          />
          Release Lens
        </Link>
        <nav
          aria-label="Main"
          className="order-last -mx-1 flex w-full flex-wrap items-center gap-1 md:order-none md:mx-0 md:w-auto md:flex-1"
        >
          {links.map((l) => (
            <NavLink key={l.href} href={l.href}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto md:ml-0">
          <ThemeToggle initial={theme} />
        </div>
      </div>
    </header>
  );
}
