import { PageHeader } from '@/components/ui/card';

export default function ImpactPage() {
  return <PageHeader title="Check a cluster">Connect a cluster to see which changes affect it.</PageHeader>;
}
