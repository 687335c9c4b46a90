'use client';

import type { ChangeSummary } from '@/lib/model/scan';
import type { Report } from '@/lib/model/report';
import { ChangeStatusList } from './change-status-list';
import { CompletenessBanner } from './completeness-banner';
import { CoveragePanel } from './coverage-panel';
import { FindingsBrowser } from './findings-browser';
import { ImpactSummary } from './impact-summary';

/** The personalized impact view of one scan, used live after a scan and read-only for saved reports. */
export function ImpactView({ report, changes }: { report: Report; changes: ChangeSummary[] }) {
  const byId = new Map(changes.map((c) => [c.id, c]));
  return (
    <div data-testid="impact-view">
      <CompletenessBanner report={report} />
      <ImpactSummary report={report} />
      <ChangeStatusList impacts={report.changes} changes={byId} />
      <FindingsBrowser findings={report.findings} changeTitle={(id) => byId.get(id)?.title ?? id} />
      <CoveragePanel report={report} />
    </div>
  );
}
