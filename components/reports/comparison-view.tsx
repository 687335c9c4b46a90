import type { ChangeSummary } from '@/lib/model/scan';
import type { ReportComparison } from '@/lib/report/compare';
import type { Finding } from '@/lib/model/finding';
import { FindingItem } from '../impact/finding-item';

function Section({
  id,
  title,
  findings,
  empty,
  changes,
}: {
  id: string;
  title: string;
  findings: Finding[];
  empty: string;
  changes: Map<string, ChangeSummary>;
}) {
  return (
    <section aria-labelledby={`h-${id}`} className="mt-8" data-testid={`compare-${id}`}>
      <h2 id={`h-${id}`} className="mb-3 text-xl font-bold">
        {title} ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="space-y-2">
          {findings.map((f) => (
            <li key={f.id}>
              <FindingItem finding={f} changeTitle={changes.get(f.changeId)?.title ?? f.changeId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What is new, what was fixed and what remains between two scans of one cluster. */
export function ComparisonView({ comparison, changes }: { comparison: ReportComparison; changes: ChangeSummary[] }) {
  const byId = new Map(changes.map((c) => [c.id, c]));
  return (
    <>
      <Section
        id="fixed"
        title="Fixed"
        findings={comparison.fixed}
        empty="Nothing from the older scan is gone."
        changes={byId}
      />
      <Section
        id="new"
        title="New"
        findings={comparison.new}
        empty="No new finding since the older scan."
        changes={byId}
      />
      <Section
        id="remaining"
        title="Remaining"
        findings={comparison.remaining}
        empty="Nothing left from the older scan."
        changes={byId}
      />
    </>
  );
}
