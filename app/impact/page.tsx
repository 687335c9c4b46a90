import type { Metadata } from 'next';
import { ScanPanel } from '@/components/impact/scan-panel';
import { PageHeader } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Check a cluster' };

export default function ImpactPage() {
  return (
    <>
      <PageHeader title="Which changes touch your cluster?">
        Connect a cluster, or upload kubectl output, and Release Lens lists every 1.24 and 1.25 change with the objects
        it affects, the evidence, and what to do. The scan only reads: it lists resources and never writes to the
        cluster.
      </PageHeader>
      <ScanPanel />
    </>
  );
}
