import type { Namespace } from '../../model/snapshot';
import { keepAnyLabel } from './keep';
import { projectMeta } from './meta';
import { isRecord, opt, rec, text } from './read';

/** Projects a raw Namespace (all labels kept: pod-security levels live there); undefined without a name. */
export function projectNamespace(raw: unknown): Namespace | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw, keepAnyLabel);
  if (!metadata) return undefined;
  return { metadata, ...opt('phase', text(rec(raw, 'status'), 'phase')) };
}
