import type { PriorityClass, Service } from '../../model/snapshot';
import { projectMeta } from './meta';
import { bool, isRecord, num, opt, rec, recs, text, type Raw } from './read';

/**
 * The field manager that set spec.clusterIP, when a client did. An address the API server allocates is recorded
 * under no manager, so an owner here means the address was chosen by hand (or by a tool acting for a person).
 */
function clusterIPOrigin(raw: Raw): Pick<Service, 'clusterIPSetBy' | 'clusterIPAllocated'> {
  const entries = recs(rec(raw, 'metadata'), 'managedFields');
  for (const entry of entries) {
    const spec = rec(rec(entry, 'fieldsV1'), 'f:spec');
    if (spec && 'f:clusterIP' in spec) return { clusterIPSetBy: text(entry, 'manager') ?? '(unnamed manager)' };
  }
  // Without managedFields (an offline snapshot taken without --show-managed-fields) the origin is unknown.
  return entries.length > 0 ? { clusterIPAllocated: true } : {};
}

/** Projects a raw Service: type, clusterIP (and who set it) and loadBalancerIP. */
export function projectService(raw: unknown): Service | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  if (!metadata) return undefined;
  const spec = rec(raw, 'spec');
  return {
    metadata,
    type: text(spec, 'type') ?? 'ClusterIP',
    ...opt('clusterIP', text(spec, 'clusterIP')),
    ...(text(spec, 'clusterIP') === undefined ? {} : clusterIPOrigin(raw)),
    ...opt('loadBalancerIP', text(spec, 'loadBalancerIP')),
  };
}

/** Projects a raw PriorityClass; undefined without a name or a numeric value. */
export function projectPriorityClass(raw: unknown): PriorityClass | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  const value = num(raw, 'value');
  if (!metadata || value === undefined) return undefined;
  return {
    metadata,
    value,
    ...opt('preemptionPolicy', text(raw, 'preemptionPolicy')),
    globalDefault: bool(raw, 'globalDefault') ?? false,
  };
}
