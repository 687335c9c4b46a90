import type { Metadata } from 'next';
import { ApiTable } from '@/components/catalog/api-table';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';

export const metadata: Metadata = { title: 'Removed APIs' };

export default function ApisPage() {
  const { removedApis } = getCatalog();
  const sorted = [...removedApis].sort(
    (a, b) => a.removedIn.localeCompare(b.removedIn) || a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind),
  );
  const current = sorted.filter((a) => !a.lookAhead);
  const ahead = sorted.filter((a) => a.lookAhead);
  return (
    <>
      <PageHeader title="Removed API versions">
        API versions the 1.24 and 1.25 API servers stop serving, and the ones the next releases remove, so a 1.25
        upgrade plan can clear them in one pass. Manifests, Helm charts and clients that still use them fail after the
        upgrade.
      </PageHeader>
      <div className="space-y-8">
        <ApiTable apis={current} caption="Removed in 1.24 and 1.25" />
        {ahead.length > 0 ? <ApiTable apis={ahead} caption="Look-ahead: removed in later releases" /> : null}
      </div>
    </>
  );
}
