import type { Pod, PodSpec } from '../../model/snapshot';
import type { FieldReads } from './field-reads';
import { META_READS, projectMeta } from './meta';
import { isRecord, opt, rec, text } from './read';
import { POD_SPEC_READS, projectPodSpec } from './pod-spec';

/** The annotation the kubelet sets on the API mirror of a static pod. */
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** Every field of a raw Pod that projectPod reads: a list of pods read as protobuf decodes only these. */
export const POD_READS: FieldReads = { metadata: META_READS, spec: POD_SPEC_READS, status: { phase: true } };

/**
 * Projects a raw Pod; undefined when it has no name or no spec. `intern` lets the caller share equal specs (told
 * the uid of the pod's controller, whose other pods most likely have the same spec).
 */
export function projectPod(raw: unknown, intern: (s: PodSpec, owner?: string) => PodSpec = (s) => s): Pod | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  const spec = rec(raw, 'spec');
  if (!metadata || !spec) return undefined;
  return {
    metadata,
    ...opt('phase', text(rec(raw, 'status'), 'phase')),
    mirror: MIRROR_ANNOTATION in metadata.annotations,
    spec: intern(projectPodSpec(spec), metadata.ownerReferences.find((r) => r.controller === true)?.uid),
  };
}
