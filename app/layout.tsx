import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { SiteHeader } from '@/components/layout/site-header';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Release Lens', template: '%s · Release Lens' },
  description: 'What changed in Kubernetes 1.24 and 1.25, and which of those changes touch your cluster.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === 'system' ? undefined : theme}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader theme={theme} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
        <footer className="no-print mx-auto max-w-7xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Release Lens — facts from the Kubernetes release notes, KEPs and docs, summarised in our own words with a link
          to every source.
        </footer>
      </body>
    </html>
  );
}
