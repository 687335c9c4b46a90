'use client';

/** Shown when a page fails to render; the message never includes server internals. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Something went wrong on the server. Try again; if it keeps happening, the server log has the details.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
      >
        Try again
      </button>
    </div>
  );
}
