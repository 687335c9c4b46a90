import type { ApiEvidenceObject, ManagedFieldsEntry, OwnerRef } from '../../model/snapshot';
import { LAST_APPLIED_ANNOTATION } from './keep';
import { projectMeta } from './meta';
import { isRecord, opt, rec, recs, str, text } from './read';

/** The resource an evidence object belongs to, with fallbacks for list items that omit their type. */
export interface EvidenceResource {
  group: string;
  resource: string;
  kind: string;
  apiVersion: string;
}

/** kubectl writes keys sorted, so apiVersion is almost always first; the regex saves parsing a large annotation. */
const LEADING_API_VERSION = /^\s*\{\s*"apiVersion"\s*:\s*"([^"\\]{1,200})"/;

/** The apiVersion recorded in a last-applied-configuration annotation, without keeping the annotation. */
export function lastAppliedApiVersion(annotation: string | undefined): string | undefined {
  if (annotation === undefined) return undefined;
  const m = LEADING_API_VERSION.exec(annotation);
  if (m?.[1] !== undefined) return m[1];
  try {
    const parsed: unknown = JSON.parse(annotation);
    return isRecord(parsed) ? text(parsed, 'apiVersion') : undefined;
  } catch {
    return undefined;
  }
}

/** The managedFields entries of raw metadata, without their field sets. */
export function projectManagedFields(metadata: Record<string, unknown> | undefined): ManagedFieldsEntry[] {
  return recs(metadata, 'managedFields').flatMap((f) => {
    const apiVersion = str(f, 'apiVersion');
    if (apiVersion === undefined) return [];
    return [
      {
        manager: str(f, 'manager') ?? '',
        operation: str(f, 'operation') ?? '',
        apiVersion,
        ...opt('time', text(f, 'time')),
        ...opt('subresource', text(f, 'subresource')),
      },
    ];
  });
}

/** Argo CD marks what it tracks with an annotation or a label; Flux with the name of its Kustomization or HelmRelease. */
function gitOpsOf(labels: Record<string, unknown> | undefined, annotations: Record<string, unknown> | undefined) {
  if (str(annotations, 'argocd.argoproj.io/tracking-id') !== undefined) return 'argocd' as const;
  if (str(labels, 'argocd.argoproj.io/instance') !== undefined) return 'argocd' as const;
  if (str(labels, 'kustomize.toolkit.fluxcd.io/name') !== undefined) return 'flux' as const;
  if (str(labels, 'helm.toolkit.fluxcd.io/name') !== undefined) return 'flux' as const;
  return undefined;
}

const controllerOf = (refs: readonly OwnerRef[]) => {
  const c = refs.find((r) => r.controller === true);
  return c && { apiVersion: c.apiVersion, kind: c.kind, name: c.name };
};

/**
 * Projects the removed-API evidence of an object of a kind that had a version removed: its last-applied apiVersion,
 * its managedFields writes and its Helm release. Undefined without a name.
 */
export function projectApiEvidence(raw: unknown, r: EvidenceResource): ApiEvidenceObject | undefined {
  if (!isRecord(raw)) return undefined;
  const meta = projectMeta(raw);
  if (!meta) return undefined;
  const rawMeta = rec(raw, 'metadata');
  const annotations = rec(rawMeta, 'annotations');
  const releaseName = meta.annotations['meta.helm.sh/release-name'];
  const releaseNamespace = meta.annotations['meta.helm.sh/release-namespace'] ?? meta.namespace;
  return {
    ref: {
      apiVersion: text(raw, 'apiVersion') ?? r.apiVersion,
      kind: text(raw, 'kind') ?? r.kind,
      ...opt('namespace', meta.namespace),
      name: meta.name,
    },
    group: r.group,
    resource: r.resource,
    ...opt('lastAppliedApiVersion', lastAppliedApiVersion(str(annotations, LAST_APPLIED_ANNOTATION))),
    managedFields: projectManagedFields(rawMeta),
    ...opt('gitOps', gitOpsOf(rec(rawMeta, 'labels'), annotations)),
    ...opt('managedBy', text(rec(rawMeta, 'labels'), 'app.kubernetes.io/managed-by')),
    ...opt('controller', controllerOf(meta.ownerReferences)),
    ...opt(
      'helmRelease',
      releaseName === undefined ? undefined : { name: releaseName, namespace: releaseNamespace ?? '' },
    ),
  };
}
