import Link from 'next/link';

export default function ReportNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">No such report</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        No report has this id on this server. It may have been deleted, or the link was cut short.
      </p>
      <p className="mt-4">
        <Link href="/reports">See the saved reports</Link> or <Link href="/impact">scan a cluster</Link>
      </p>
    </div>
  );
}
