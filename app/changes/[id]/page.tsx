import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { currentChangeId } from '@/lib/model/catalog';
import { ChangeDetail } from '@/components/catalog/change-detail';
import { findChange, getCatalog } from '@/lib/catalog';
import { ruleTitle } from '@/lib/scan/checks';

export function generateStaticParams() {
  return getCatalog().changes.map((c) => ({ id: c.id }));
}

export async function generateMetadata({ params }: PageProps<'/changes/[id]'>): Promise<Metadata> {
  const id = currentChangeId((await params).id);
  const change = findChange(getCatalog(), id);
  // Deciding here, before the page starts streaming, lets an unknown id answer with a real 404 status.
  if (!change) notFound();
  return { title: change.title };
}

export default async function ChangePage({ params }: PageProps<'/changes/[id]'>) {
  const catalog = getCatalog();
  const { id } = await params;
  // An old link to a renamed change goes to its current page.
  if (currentChangeId(id) !== id) permanentRedirect(`/changes/${currentChangeId(id)}`);
  const change = findChange(catalog, id);
  if (!change) notFound();
  const rules = change.detectedBy.map((id) => ({ id, title: ruleTitle(id) }));
  const apis = catalog.removedApis.filter((a) => a.changeId === change.id);
  return <ChangeDetail change={change} rules={rules} apis={apis} />;
}
