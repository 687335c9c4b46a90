import Link from 'next/link';

export default function ChangeNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">No such change</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The catalog has no change with this id. It may have been renamed, or the link was cut short.
      </p>
      <p className="mt-4">
        <Link href="/changes">Browse all changes</Link>
      </p>
    </div>
  );
}
