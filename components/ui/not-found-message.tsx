import type { ReactNode } from 'react';

/** The body of a not-found page: what is missing, why that may be, and where to go instead. */
export function NotFoundMessage({ title, why, next }: { title: string; why: string; next: ReactNode }) {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{why}</p>
      <p className="mt-4">{next}</p>
    </div>
  );
}
