import type { Metadata } from 'next';
import { FleetView } from '@/components/fleet/fleet-view';
import { PageHeader } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Fleet' };

export default function FleetPage() {
  return (
    <>
      <PageHeader title="Fleet">
        Every cluster registered with this dashboard: whether it can take the upgrade, what blocks it, how old its
        newest scan is and how its findings moved over time. Clusters are scanned on their schedule or report through an
        agent.
      </PageHeader>
      <FleetView />
    </>
  );
}
