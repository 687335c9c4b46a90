import { PageHeader } from '@/components/ui/card';

export default function ReportsPage() {
  return <PageHeader title="Reports">Saved impact reports on this instance.</PageHeader>;
}
