import type { Container, ObjectMeta, ObjectRef, Pod, PodSpec, Snapshot, Workload } from '../../model/snapshot';
import type { HelmReleaseRef } from '../../model/finding';
import { helmReleaseOf } from './helm';

/**
 * Something that runs pods: a controller's pod template or a pod. Checks that look at pod specs walk these, so a
 * Deployment at zero replicas or a suspended CronJob is still checked, and a pod created by a checked controller
 * is not reported twice.
 */
export interface PodSubject {
  ref: ObjectRef;
  metadata: ObjectMeta;
  /** Annotations of the pod (or of the template's pod metadata). */
  podAnnotations: Record<string, string>;
  /** Labels of the pod (or of the template's pod metadata), as far as projection keeps them. */
  podLabels: Record<string, string>;
  spec: PodSpec;
  /** The top-level controller, when the subject is a pod or a nested controller found in the snapshot. */
  owner?: ObjectRef;
  helmRelease?: HelmReleaseRef;
  /** 'template' for a controller's pod template, 'pod' for a pod. */
  from: 'template' | 'pod';
  /** A pod whose spec comes from a controller already walked as a template. */
  coveredByOwner: boolean;
  /**
   * The containers checks look at: all of them, except for subjects already covered by their owner's template,
   * where only ephemeral containers (added to the pod later, never in a template) are new. Worked out once here:
   * several checks ask for every subject.
   */
  containers: readonly Container[];
  /** A mirror pod of a static pod (defined by a file on the node). */
  mirror: boolean;
  /** Where the spec sits in the object, for evidence paths. */
  specPath: SpecPath;
}

/** A reference in the usual key order, without a spread (built once per pod). */
const refTo = (apiVersion: string, kind: string, meta: ObjectMeta): ObjectRef =>
  meta.namespace === undefined
    ? { apiVersion, kind, name: meta.name }
    : { apiVersion, kind, namespace: meta.namespace, name: meta.name };

const refOfWorkload = (w: Workload): ObjectRef => refTo(w.apiVersion, w.kind, w.metadata);

const refOfPod = (p: Pod): ObjectRef => refTo('v1', 'Pod', p.metadata);

/** Where a pod spec sits in its object. */
export type SpecPath = 'spec' | 'spec.template.spec' | 'spec.jobTemplate.spec.template.spec';

function specPathOf(w: Workload): SpecPath {
  return w.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
}

/** Follows controller owner references through the snapshot's workloads to the top-level one. */
export function topOwner(meta: ObjectMeta, byUid: ReadonlyMap<string, Workload>): Workload | undefined {
  let current: Workload | undefined;
  let refs = meta.ownerReferences;
  for (let depth = 0; depth < 5; depth += 1) {
    const ref = refs.find((r) => r.controller) ?? refs[0];
    const next = ref ? byUid.get(ref.uid) : undefined;
    if (!next) return current;
    current = next;
    refs = next.metadata.ownerReferences;
  }
  return current;
}

/** Built once per snapshot: a dozen checks walk the same subjects. */
const SUBJECTS = new WeakMap<Snapshot, readonly PodSubject[]>();

/**
 * Every pod template of a top-level controller, then every pod, each once. Shared by every check of a scan (the
 * snapshot does not change while checks run), so read-only.
 */
export function podSubjects(snapshot: Snapshot): readonly PodSubject[] {
  const known = SUBJECTS.get(snapshot);
  if (known) return known;
  const subjects = buildSubjects(snapshot);
  SUBJECTS.set(snapshot, subjects);
  return subjects;
}

function buildSubjects(snapshot: Snapshot): PodSubject[] {
  const byUid = new Map(snapshot.workloads.map((w) => [w.metadata.uid, w]));
  const subjects: PodSubject[] = [];
  // One object shape for every subject, optional fields set after: cheaper than spreads at 50,000 pods.
  const add = (subject: PodSubject, meta: ObjectMeta, owner: Workload | undefined) => {
    if (owner) subject.owner = refOfWorkload(owner);
    const helm = helmReleaseOf(meta) ?? (owner ? helmReleaseOf(owner.metadata) : undefined);
    if (helm) subject.helmRelease = helm;
    subjects.push(subject);
  };
  for (const w of snapshot.workloads) {
    const owner = topOwner(w.metadata, byUid);
    const subject: PodSubject = {
      ref: refOfWorkload(w),
      metadata: w.metadata,
      podAnnotations: w.template.annotations,
      podLabels: w.template.labels,
      spec: w.template.spec,
      from: 'template',
      coveredByOwner: owner !== undefined,
      containers: owner === undefined ? w.template.spec.containers : ephemeral(w.template.spec.containers),
      mirror: false,
      specPath: specPathOf(w),
    };
    add(subject, w.metadata, owner);
  }
  for (const p of snapshot.pods) {
    const owner = topOwner(p.metadata, byUid);
    const subject: PodSubject = {
      ref: refOfPod(p),
      metadata: p.metadata,
      podAnnotations: p.metadata.annotations,
      podLabels: p.metadata.labels,
      spec: p.spec,
      from: 'pod',
      coveredByOwner: owner !== undefined,
      containers: owner === undefined ? p.spec.containers : ephemeral(p.spec.containers),
      mirror: p.mirror,
      specPath: 'spec',
    };
    add(subject, p.metadata, owner);
  }
  return subjects;
}

/** The ephemeral containers among a pod's: usually none, and then one shared empty list. */
function ephemeral(containers: readonly Container[]): readonly Container[] {
  if (!containers.some((c) => c.role === 'ephemeral')) return NONE;
  return containers.filter((c) => c.role === 'ephemeral');
}

const NONE: readonly Container[] = Object.freeze([]);
