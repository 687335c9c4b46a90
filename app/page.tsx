import Link from 'next/link';
import { BreakingList } from '@/components/catalog/breaking-list';
import { ReleaseSummary } from '@/components/catalog/release-summary';
import { getCatalog } from '@/lib/catalog';
import { compareChanges } from '@/lib/catalog/query';
import { reconcileRelease } from '@/lib/catalog/reconcile';
import { releaseStats } from '@/lib/catalog/stats';

export default function OverviewPage() {
  const catalog = getCatalog();
  const breaking = catalog.changes.filter((c) => c.severity === 'breaking').sort(compareChanges);
  return (
    <>
      <section className="mb-8 rounded-xl bg-slate-900 p-6 text-white dark:bg-slate-800">
        <h1 className="text-3xl font-bold tracking-tight">What changed in Kubernetes 1.24 and 1.25?</h1>
        <p className="mt-2 max-w-3xl text-slate-200">
          Every enhancement, deprecation and removal of both releases in one catalog, and a read-only scan that tells
          you which of them touch the objects in your cluster.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link
            href="/impact"
            className="rounded-md bg-sky-400 px-4 py-2 font-semibold text-slate-950 no-underline hover:bg-sky-300 hover:no-underline"
          >
            Check your cluster
          </Link>
          <Link
            href="/upgrade?from=1.23&to=1.25"
            className="rounded-md border border-slate-400 px-4 py-2 font-semibold text-white no-underline hover:bg-slate-700 hover:no-underline"
          >
            Plan 1.23 → 1.25
          </Link>
        </div>
      </section>

      <section aria-labelledby="breaking-heading" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="breaking-heading" className="text-xl font-bold">
            Breaking changes ({breaking.length})
          </h2>
          <Link href="/changes?severity=breaking" className="text-sm">
            Filter and search them
          </Link>
        </div>
        <BreakingList
          changes={breaking.map((c) => ({
            id: c.id,
            title: c.title,
            release: c.release,
            sig: c.sig,
            ...(c.stage ? { stage: c.stage } : {}),
          }))}
        />
      </section>

      <section aria-labelledby="releases-heading">
        <h2 id="releases-heading" className="mb-3 text-xl font-bold">
          The two releases at a glance
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          {catalog.releases.map((info) => (
            <ReleaseSummary
              key={info.version}
              info={info}
              stats={releaseStats(catalog, info.version)}
              reconciliation={reconcileRelease(catalog, info)}
            />
          ))}
        </div>
      </section>
    </>
  );
}
