import type { PriorityClass, Service } from '../types';
import { projectMeta } from './meta';
import { bool, isRecord, num, opt, rec, text } from './read';

/** Projects a raw Service: type, clusterIP and loadBalancerIP. */
export function projectService(raw: unknown): Service | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  if (!metadata) return undefined;
  const spec = rec(raw, 'spec');
  return {
    metadata,
    type: text(spec, 'type') ?? 'ClusterIP',
    ...opt('clusterIP', text(spec, 'clusterIP')),
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
