import type { PodSpec, PodTemplate, Workload } from '../../model/snapshot';
import type { WorkloadKind } from '../../model/resources';
import { WORKLOAD_KINDS } from '../../model/resources';
import { keepAnnotation, keepLabel } from './keep';
import { projectMeta } from './meta';
import { bool, isRecord, num, opt, rec, str, strMap, text } from './read';
import type { Raw } from './read';
import { projectPodSpec } from './pod-spec';

/** True when `kind` is one of the controller kinds projected as a Workload. */
export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

function projectTemplate(t: Raw | undefined, intern: (s: PodSpec) => PodSpec): PodTemplate | undefined {
  const spec = rec(t, 'spec');
  if (!spec) return undefined;
  const m = rec(t, 'metadata');
  return {
    labels: strMap(m, 'labels', keepLabel),
    annotations: strMap(m, 'annotations', keepAnnotation),
    spec: intern(projectPodSpec(spec)),
  };
}

/**
 * Projects a raw controller with a pod template. `kind` and `apiVersion` are the fallbacks for list items that
 * omit their type (the API server leaves it out of typed lists); a kind on the item wins. CronJobs of batch/v1 and
 * batch/v1beta1 share one shape. Undefined when there is no name or no pod template.
 */
export function projectWorkload(
  raw: unknown,
  kind: WorkloadKind,
  apiVersion: string,
  intern: (s: PodSpec) => PodSpec = (s) => s,
): Workload | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  const itemKind = str(raw, 'kind');
  const actualKind = itemKind !== undefined && isWorkloadKind(itemKind) ? itemKind : kind;
  const spec = rec(raw, 'spec');
  const templateHolder = actualKind === 'CronJob' ? rec(rec(spec, 'jobTemplate'), 'spec') : spec;
  const template = projectTemplate(rec(templateHolder, 'template'), intern);
  if (!metadata || !template) return undefined;
  return {
    apiVersion: text(raw, 'apiVersion') ?? apiVersion,
    kind: actualKind,
    metadata,
    ...opt('replicas', actualKind === 'DaemonSet' ? undefined : num(spec, 'replicas')),
    ...opt('suspend', bool(spec, 'suspend')),
    ...opt('schedule', actualKind === 'CronJob' ? text(spec, 'schedule') : undefined),
    ...opt('timeZone', actualKind === 'CronJob' ? text(spec, 'timeZone') : undefined),
    template,
  };
}
