'use client';

import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { groupFindings, GROUPINGS, type Grouping } from '@/lib/report/group';
import type { Finding } from '@/lib/model/finding';
import { SeverityBadge } from '../ui/badge';
import { FindingItem } from './finding-item';

const groupingLabels: Record<Grouping, string> = {
  severity: 'Severity',
  change: 'Change',
  namespace: 'Namespace',
  owner: 'Owner workload',
  helm: 'Helm release',
};

const PAGE = 25;

/**
 * True while the page is being printed: every group opens and shows every finding, so a printout holds the whole
 * report and no button that does nothing on paper.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The print snapshot is taken right after beforeprint: render synchronously so it has every finding.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

function Group({
  label,
  findings,
  worst,
  open,
  printing,
}: {
  label: string;
  findings: Finding[];
  worst: Finding['severity'];
  open: boolean;
  printing: boolean;
}) {
  const [pageSize, setShown] = useState(PAGE);
  const shown = printing ? findings.length : pageSize;
  return (
    <details
      open={open || printing}
      className="rounded-lg border border-slate-200 dark:border-slate-800"
      data-testid="finding-group"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 font-medium">
        <SeverityBadge severity={worst} />
        <span className="break-all">{label}</span>
        <span className="text-sm text-slate-500 dark:text-slate-400">
          {findings.length} finding{findings.length === 1 ? '' : 's'}
        </span>
      </summary>
      <ul className="space-y-2 px-3 pb-3">
        {findings.slice(0, shown).map((f) => (
          <li key={f.id}>
            <FindingItem finding={f} />
          </li>
        ))}
      </ul>
      {findings.length > shown ? (
        <button
          type="button"
          onClick={() => setShown(findings.length)}
          className="no-print mb-3 ml-3 text-sm text-sky-700 underline dark:text-sky-300"
        >
          Show all {findings.length}
        </button>
      ) : null}
    </details>
  );
}

/** Findings grouped by severity, change, namespace, owner or Helm release, each with its evidence. */
export function FindingsBrowser({
  findings,
  changeTitle,
}: {
  findings: Finding[];
  changeTitle: (id: string) => string;
}) {
  const [by, setBy] = useState<Grouping>('severity');
  const printing = usePrinting();
  const groups = groupFindings(findings, by, by === 'change' ? changeTitle : undefined);
  return (
    <section aria-labelledby="findings-heading" className="mt-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="findings-heading" className="text-xl font-bold">
          Findings ({findings.length})
        </h2>
        <fieldset className="no-print flex flex-wrap items-center gap-3 text-sm">
          <legend className="sr-only">Group findings by</legend>
          <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
            Group by
          </span>
          {GROUPINGS.map((g) => (
            <label key={g} className="flex items-center gap-1">
              <input
                type="radio"
                name="group-by"
                value={g}
                checked={by === g}
                onChange={() => setBy(g)}
                className="accent-sky-600"
              />
              {groupingLabels[g]}
            </label>
          ))}
        </fieldset>
      </div>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
          No finding: none of the checked changes touches an object this scan could read.
        </p>
      ) : (
        <div className="space-y-2">
          {groups.map((g, i) => (
            <Group
              key={`${by}:${g.key}`}
              label={by === 'severity' ? g.label.charAt(0).toUpperCase() + g.label.slice(1) : g.label}
              findings={g.findings}
              worst={g.worstSeverity}
              open={i === 0 && g.findings.length <= 50}
              printing={printing}
            />
          ))}
        </div>
      )}
    </section>
  );
}
