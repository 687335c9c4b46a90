import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChangeDetail } from '@/components/catalog/change-detail';
import { findChange, getCatalog } from '@/lib/catalog';
import { ruleTitle } from '@/lib/scan/checks';

export function generateStaticParams() {
  return getCatalog().changes.map((c) => ({ id: c.id }));
}

export async function generateMetadata({ params }: PageProps<'/changes/[id]'>): Promise<Metadata> {
  const change = findChange(getCatalog(), (await params).id);
  // Deciding here, before the page starts streaming, lets an unknown id answer with a real 404 status.
  if (!change) notFound();
  return { title: change.title };
}

export default async function ChangePage({ params }: PageProps<'/changes/[id]'>) {
  const catalog = getCatalog();
  const change = findChange(catalog, (await params).id);
  if (!change) notFound();
  const rules = change.detectedBy.map((id) => ({ id, title: ruleTitle(id) }));
  const apis = catalog.removedApis.filter((a) => a.changeId === change.id);
  return <ChangeDetail change={change} rules={rules} apis={apis} />;
}
