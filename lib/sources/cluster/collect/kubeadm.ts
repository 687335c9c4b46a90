import 'server-only';
import { t } from '../../../model/text';
import type { CoverageEntry } from '../../../model/snapshot';
import { getWithRetry } from '../http/retry';
import { collectionPath, type ResourceContext } from './collect-resource';
import { expectJson, failureCoverage, HttpStatusError } from './http-status';
import { listPages } from './list-pages';
import type { ResourceSpec } from '../../../model/resources';

const KUBEADM_CONFIG = 'kubeadm-config';
const isKubeletConfig = (name: string) => /^kubelet-config(-\d+\.\d+)?$/.test(name);

const nameOf = (item: Record<string, unknown>): string => {
  const meta = item.metadata;
  return typeof meta === 'object' && meta !== null && 'name' in meta && typeof meta.name === 'string' ? meta.name : '';
};

/**
 * kubeadm facts from kube-system: the ConfigMap names as metadata (no data), then kubeadm-config alone by name.
 * Other kube-system ConfigMaps are never read in full.
 */
export async function collectKubeadm(spec: ResourceSpec, ctx: ResourceContext): Promise<CoverageEntry> {
  const gv = 'v1';
  const path = collectionPath(spec, gv, spec.namespace);
  try {
    let hasKubeadmConfig = false;
    let count = 0;
    await listPages(
      ctx.conn,
      {
        path,
        pageSize: ctx.pageSize,
        metadataOnly: true,
        apiVersion: gv,
        kind: spec.kind,
        signal: ctx.signal,
        retry: ctx.retry,
      },
      (items) => {
        const kubelet = items.filter((i) => isKubeletConfig(nameOf(i)));
        hasKubeadmConfig ||= items.some((i) => nameOf(i) === KUBEADM_CONFIG);
        count += kubelet.length;
        if (kubelet.length) ctx.addItems(spec, kubelet);
      },
    );
    if (!hasKubeadmConfig) {
      const message = t`No kubeadm-config ConfigMap in kube-system: this cluster was probably not set up with kubeadm.`;
      return { resource: spec.key, status: 'ok', apiVersion: gv, count, message };
    }
    const response = await getWithRetry(ctx.conn, `${path}/${KUBEADM_CONFIG}`, { signal: ctx.signal }, ctx.retry);
    const body = expectJson(response);
    if (typeof body !== 'object' || body === null)
      throw new HttpStatusError(response.status, 'kubeadm-config is not an object');
    ctx.addItems(spec, [{ apiVersion: gv, kind: spec.kind, ...body }]);
    return { resource: spec.key, status: 'ok', apiVersion: gv, count: count + 1 };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    return failureCoverage(spec.key, error, gv);
  }
}
