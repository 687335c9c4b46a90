'use client';

import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { FindingQuery } from '@/lib/report/workbench';
import type { ChangeSummary } from '@/lib/model/scan';
import type { Report } from '@/lib/model/report';
import { ChangeStatusList } from './change-status-list';
import { CompletenessBanner } from './completeness-banner';
import { CoveragePanel } from './coverage-panel';
import { FindingsWorkbench } from '../findings/findings-workbench';
import { ReadinessPanel } from '../findings/readiness-panel';
import { useFindingQuery } from '../findings/use-finding-query';
import { DetectedAddons } from '../addons/detected-addons';
import { ImpactSummary } from './impact-summary';

interface Props {
  report: Report;
  changes: ChangeSummary[];
  /** Shown right under the completeness verdict (e.g. saving a fresh scan). */
  actions?: ReactNode;
  /** Bring the verdict into view and focus when the report arrives (after a scan, not on a saved report's page). */
  reveal?: boolean;
}

/**
 * The personalized impact view of one scan, used live after a scan and read-only for saved reports. Its first
 * line is always the completeness verdict, so a partial scan never passes for a clean one.
 */
export function ImpactView({ report, changes, actions, reveal = false }: Props) {
  const byId = useMemo(() => new Map(changes.map((c) => [c.id, c])), [changes]);
  const changeTitle = useCallback((id: string) => byId.get(id)?.title ?? id, [byId]);
  const [query, setQuery] = useFindingQuery();
  // A number in the readiness panel opens the findings it counts: the query applies, the list comes into view.
  const show = useCallback(
    (next: FindingQuery) => {
      setQuery({ ...next, view: query.view, sort: query.sort, group: query.group });
      const heading = document.getElementById('findings-heading');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    },
    [setQuery, query.view, query.sort, query.group],
  );
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!reveal) return;
    top.current?.scrollIntoView({ block: 'start' });
    top.current?.focus({ preventScroll: true });
  }, [reveal, report.generatedAt]);
  return (
    <div
      data-testid="impact-view"
      data-generated-at={report.generatedAt}
      ref={top}
      tabIndex={-1}
      className="scroll-mt-4 outline-none"
    >
      <CompletenessBanner report={report} />
      {actions}
      <ImpactSummary report={report} />
      <ReadinessPanel report={report} changes={changes} onShow={show} />
      <ChangeStatusList impacts={report.changes} changes={byId} />
      <FindingsWorkbench findings={report.findings} changeTitle={changeTitle} query={query} onQuery={setQuery} />
      <DetectedAddons addons={report.addons} />
      <CoveragePanel report={report} />
    </div>
  );
}
