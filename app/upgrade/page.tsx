import type { Metadata } from 'next';
import Link from 'next/link';
import { AddonRanges } from '@/components/addons/addon-ranges';
import { ChangeCard } from '@/components/catalog/change-card';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';
import { SEVERITIES } from '@/lib/model/catalog';
import { parsePath, upgradePath } from '@/lib/catalog/upgrade-path';
import { PATH_VERSIONS } from '@/lib/model/releases';

export const metadata: Metadata = { title: 'Upgrade path' };

const severityHeadings = { breaking: 'Breaking changes', action: 'Needs action', info: 'Good to know' } as const;

function VersionSelect({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <div className="flex flex-col text-sm font-medium">
      <label htmlFor={`version-${name}`}>{label}</label>
      <select
        id={`version-${name}`}
        name={name}
        defaultValue={value}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      >
        {PATH_VERSIONS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function UpgradePage({ searchParams }: PageProps<'/upgrade'>) {
  const { from, to } = parsePath(await searchParams);
  const catalog = getCatalog();
  const path = upgradePath(catalog.changes, from, to);
  return (
    <>
      <PageHeader title="Upgrade path">
        Pick the version you run and the one you are moving to: you get every change in between, breaking ones first.
      </PageHeader>
      <form method="get" action="/upgrade" className="mb-6 flex flex-wrap items-end gap-3">
        <VersionSelect name="from" label="From" value={from} />
        <VersionSelect name="to" label="To" value={to} />
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
        >
          Show changes
        </button>
      </form>
      {path.releases.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
          Nothing to cross: choose a target newer than {from}.
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400" data-testid="path-summary">
            {path.changes.length} changes across {path.releases.join(' and ')}.{' '}
            <Link href="/impact">Find which of them touch your cluster.</Link>
          </p>
          {SEVERITIES.map((severity) => {
            const group = path.changes.filter((c) => c.severity === severity);
            if (group.length === 0) return null;
            return (
              <section key={severity} className="mb-8" aria-labelledby={`h-${severity}`}>
                <h2 id={`h-${severity}`} className="mb-3 text-lg font-semibold">
                  {severityHeadings[severity]} ({group.length})
                </h2>
                <ul className="space-y-3">
                  {group.map((c) => (
                    <li key={c.id}>
                      <ChangeCard change={c} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          <AddonRanges addons={catalog.addons} releases={path.releases} />
        </>
      )}
    </>
  );
}
