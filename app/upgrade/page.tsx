import type { Metadata } from 'next';
import Link from 'next/link';
import { AddonRanges } from '@/components/addons/addon-ranges';
import { ChangeCard } from '@/components/catalog/change-card';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';
import { SEVERITIES } from '@/lib/model/catalog';
import { parsePath, upgradePath } from '@/lib/catalog/upgrade-path';
import { impactsOf, upgradePlan } from '@/lib/catalog/upgrade-plan';
import { PATH_VERSIONS } from '@/lib/model/releases';
import { PlanChecklist } from '@/components/upgrade/plan-checklist';
import { readReport } from '@/lib/store/read-report';

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

/** The report a plan is personalized by: `?report=<id>`, when it names a saved report. */
async function reportOf(value: string | string[] | undefined) {
  const id = Array.isArray(value) ? value[0] : value;
  if (id === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return { id, stored: undefined };
  return { id, stored: await readReport(id) };
}

export default async function UpgradePage({ searchParams }: PageProps<'/upgrade'>) {
  const query = await searchParams;
  const { from, to, problems } = parsePath(query);
  const catalog = getCatalog();
  const path = upgradePath(catalog.changes, from, to);
  const { id: reportId, stored } = await reportOf(query.report);
  const plan = upgradePlan(catalog.changes, from, to, stored ? impactsOf(stored.report.changes) : undefined);
  return (
    <>
      <PageHeader title="Upgrade path">
        Pick the version you run and the one you are moving to: you get a plan for each step, what to do before, during
        and after the control plane moves, and every change in between.
      </PageHeader>
      <form method="get" action="/upgrade" className="mb-6 flex flex-wrap items-end gap-3">
        <VersionSelect name="from" label="From" value={from} />
        <VersionSelect name="to" label="To" value={to} />
        {stored && reportId ? <input type="hidden" name="report" value={reportId} /> : null}
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
        >
          Show changes
        </button>
      </form>
      {problems.length > 0 || (reportId !== undefined && !stored) ? (
        <div
          role="alert"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
          data-testid="path-problems"
        >
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {reportId !== undefined && !stored ? (
            <p>No saved report has that id, so the plan below is not personalized.</p>
          ) : null}
        </div>
      ) : null}
      {path.releases.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
          Nothing to cross: choose a target newer than {from}.
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400" data-testid="path-summary">
            {path.changes.length} changes across {path.releases.join(' and ')}.{' '}
            {stored ? null : <Link href="/impact">Find which of them touch your cluster.</Link>}
          </p>
          <PlanChecklist
            steps={plan}
            from={from}
            to={to}
            {...(stored && reportId ? { report: { id: reportId, cluster: stored.report.cluster.source.label } } : {})}
          />
          <AddonRanges addons={catalog.addons} releases={path.releases} />
          <details className="mb-8" data-testid="all-changes">
            <summary className="cursor-pointer text-lg font-semibold">
              Every change on this path ({path.changes.length})
            </summary>
            {SEVERITIES.map((severity) => {
              const group = path.changes.filter((c) => c.severity === severity);
              if (group.length === 0) return null;
              return (
                <section key={severity} className="mt-4" aria-labelledby={`h-${severity}`}>
                  <h2 id={`h-${severity}`} className="mb-3 text-base font-semibold">
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
          </details>
        </>
      )}
    </>
  );
}
