'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { ChangeSummary } from '@/lib/model/scan';
import type { Report } from '@/lib/model/report';
import { ChangeStatusList } from './change-status-list';
import { CompletenessBanner } from './completeness-banner';
import { CoveragePanel } from './coverage-panel';
import { FindingsBrowser } from './findings-browser';
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
  const byId = new Map(changes.map((c) => [c.id, c]));
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!reveal) return;
    top.current?.scrollIntoView({ block: 'start' });
    top.current?.focus({ preventScroll: true });
  }, [reveal, report.generatedAt]);
  return (
    <div data-testid="impact-view" ref={top} tabIndex={-1} className="scroll-mt-4 outline-none">
      <CompletenessBanner report={report} />
      {actions}
      <ImpactSummary report={report} />
      <ChangeStatusList impacts={report.changes} changes={byId} />
      <FindingsBrowser findings={report.findings} changeTitle={(id) => byId.get(id)?.title ?? id} />
      <DetectedAddons addons={report.addons} />
      <CoveragePanel report={report} />
    </div>
  );
}
