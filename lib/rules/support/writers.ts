import type { ApiEvidenceObject } from '../../model/snapshot';

/**
 * Who writes an object, from the field manager of a write and the object's own marks, because the fix depends on
 * it: kubectl sends whatever version the manifest names (the fix is the manifest), Helm renders its chart, Argo CD
 * and Flux apply what their Git source says, an operator writes what its code says, and any other client has to
 * be upgraded or reconfigured.
 */
export type WriterKind = 'kubectl' | 'helm' | 'argocd' | 'flux' | 'operator' | 'client';

/** Field managers kubectl records: `kubectl` (server-side apply) and `kubectl-<command>`. */
const isKubectl = (manager: string) => manager === 'kubectl' || manager.startsWith('kubectl-');
const ARGO_CD = new Set(['argocd-controller', 'argocd-application-controller', 'argocd-server']);
const FLUX = new Set(['kustomize-controller', 'helm-controller', 'flux-client-side-apply']);
/** Field managers controller-runtime and operator frameworks record by default. */
const isOperatorManager = (manager: string) =>
  manager === 'manager' || /(^|-)operator($|-)/.test(manager) || manager.endsWith('-controller-manager');

/** A controlling owner outside the built-in API groups: a custom resource that an operator reconciles. */
function ownedByCustomResource(obj: Pick<ApiEvidenceObject, 'controller'>): boolean {
  const group = obj.controller?.apiVersion.includes('/') ? obj.controller.apiVersion.split('/')[0] : '';
  return group !== undefined && group !== '' && group.includes('.') && !group.endsWith('.k8s.io');
}

/** What kind of writer a field manager is, for this object. */
export function writerKind(
  manager: string,
  obj: Pick<ApiEvidenceObject, 'gitOps' | 'managedBy' | 'helmRelease' | 'controller'>,
): WriterKind {
  if (ARGO_CD.has(manager)) return 'argocd';
  if (FLUX.has(manager)) return 'flux';
  if (manager === 'helm' || manager === 'Helm') return 'helm';
  if (isKubectl(manager)) {
    // kubectl run by a GitOps agent's own plugin still applies what the repository says.
    return obj.gitOps ?? 'kubectl';
  }
  if (isOperatorManager(manager) || ownedByCustomResource(obj)) return 'operator';
  return 'client';
}
