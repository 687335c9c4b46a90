import type { ObjectRef, Snapshot } from '../../../model/snapshot';
import type { HelmReleaseRef } from '../../../model/finding';
import type { PodSubject, SpecPath } from '../subjects';
import { podSubjects } from '../subjects';
import { evaluatePodSecurity, podSecurityCache } from './evaluate';
import type { PsaLabels } from './labels';
import { psaLabels } from './labels';
import type { PssLevel, PssViolation } from './types';
import { looserLevel, passesLevel, violationsAgainst } from './types';

/** The annotation the PodSecurityPolicy admission plugin writes on every pod it admits. */
export const PSP_ANNOTATION = 'kubernetes.io/psp';

/** Namespaces that usually hold node agents and control-plane pods needing the privileged level. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** One pod template or uncovered pod and the Pod Security Standards level it meets. */
export interface SubjectSecurity {
  ref: ObjectRef;
  owner?: ObjectRef;
  helmRelease?: HelmReleaseRef;
  from: 'template' | 'pod';
  mirror: boolean;
  specPath: SpecPath;
  level: PssLevel;
  violations: PssViolation[];
}

/** What the impact view's Pod Security panel shows for one namespace. */
export interface NamespaceSecuritySummary {
  namespace: string;
  system: boolean;
  /** Current pod-security.kubernetes.io labels. */
  labels: PsaLabels;
  /** The strictest level every subject passes: the enforce level to suggest (restricted when empty). */
  suggested: PssLevel;
  /** Subjects by the strictest level they pass (each subject counted once). */
  counts: Record<PssLevel, number>;
  /** Templates of top-level controllers and pods no controller in the snapshot covers, sorted by kind and name. */
  subjects: SubjectSecurity[];
  /** Subjects the current enforce label rejects, each with only the violations that fail that level. */
  violating: SubjectSecurity[];
  /** PodSecurityPolicies that admitted pods of this namespace (from the kubernetes.io/psp annotation). */
  pspsInUse: string[];
}

/** Evaluates one pod subject against the Pod Security Standards. */
export function subjectSecurity(s: PodSubject, evaluate = evaluatePodSecurity): SubjectSecurity {
  const result = evaluate(s.spec, s.podAnnotations, s.specPath);
  return {
    ref: s.ref,
    ...(s.owner ? { owner: s.owner } : {}),
    ...(s.helmRelease ? { helmRelease: s.helmRelease } : {}),
    from: s.from,
    mirror: s.mirror,
    specPath: s.specPath,
    level: result.level,
    violations: result.violations,
  };
}

const byKindName = (a: SubjectSecurity, b: SubjectSecurity) =>
  a.ref.kind === b.ref.kind ? (a.ref.name < b.ref.name ? -1 : 1) : a.ref.kind < b.ref.kind ? -1 : 1;

/** Per namespace: PSA labels, the suggested enforce level, counts per level and the subjects enforce would reject. */
export function namespaceSecuritySummary(snapshot: Snapshot): NamespaceSecuritySummary[] {
  const subjects = new Map<string, SubjectSecurity[]>();
  const evaluate = podSecurityCache();
  for (const s of podSubjects(snapshot)) {
    if (s.coveredByOwner) continue;
    const ns = s.ref.namespace ?? '';
    const list = subjects.get(ns) ?? [];
    list.push(subjectSecurity(s, evaluate));
    subjects.set(ns, list);
  }
  const psps = new Map<string, Set<string>>();
  for (const p of snapshot.pods) {
    const psp = p.metadata.annotations[PSP_ANNOTATION];
    if (!psp) continue;
    const ns = p.metadata.namespace ?? '';
    psps.set(ns, (psps.get(ns) ?? new Set()).add(psp));
  }
  const namespaces = [...snapshot.namespaces].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  return namespaces.map(({ metadata }) => {
    const name = metadata.name;
    const labels = psaLabels(metadata.labels);
    const list = (subjects.get(name) ?? []).sort(byKindName);
    const counts: Record<PssLevel, number> = { privileged: 0, baseline: 0, restricted: 0 };
    let suggested: PssLevel = 'restricted';
    for (const s of list) {
      counts[s.level] += 1;
      suggested = looserLevel(suggested, s.level);
    }
    const enforce = labels.enforce?.level;
    const violating =
      enforce === undefined
        ? []
        : list
            .filter((s) => !passesLevel(s, enforce))
            .map((s) => ({ ...s, violations: violationsAgainst(s, enforce) }));
    return {
      namespace: name,
      system: SYSTEM_NAMESPACES.has(name),
      labels,
      suggested,
      counts,
      subjects: list,
      violating,
      pspsInUse: [...(psps.get(name) ?? [])].sort(),
    };
  });
}
