import { gzipSync } from 'node:zlib';
import type { HelmStorage } from './record';
import { HELM_SECRET_TYPE } from './record';

/** A Helm 3 release as Helm serializes it; only the fields Release Lens reads are typed. */
export interface HelmReleaseJson {
  name: string;
  namespace: string;
  version: number;
  info: { status: string; last_deployed?: string; first_deployed?: string; description?: string };
  chart: { metadata: { name: string; version: string; appVersion?: string; apiVersion?: string } };
  manifest: string;
  hooks?: { name: string; kind: string; path: string; manifest: string; events: string[] }[];
  config?: Record<string, unknown>;
}

/** Encodes a release the way Helm 3 stores it: base64(gzip(JSON)), or base64(JSON) when `gzip` is false. */
export function encodeHelmString(release: HelmReleaseJson, gzip = true): string {
  const json = Buffer.from(JSON.stringify(release), 'utf8');
  return (gzip ? gzipSync(json, { level: 9 }) : json).toString('base64');
}

/**
 * A Helm storage object (Secret or ConfigMap) holding one release revision, with the labels Helm writes. For tests
 * and the demo cluster; Release Lens never writes to a cluster.
 */
export function helmStorageObject(
  release: HelmReleaseJson,
  storage: HelmStorage,
  gzip = true,
): Record<string, unknown> {
  const helmString = encodeHelmString(release, gzip);
  const metadata = {
    name: `sh.helm.release.v1.${release.name}.v${release.version}`,
    namespace: release.namespace,
    labels: { name: release.name, owner: 'helm', status: release.info.status, version: String(release.version) },
  };
  if (storage === 'ConfigMap') return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { release: helmString } };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: HELM_SECRET_TYPE,
    metadata,
    data: { release: Buffer.from(helmString, 'latin1').toString('base64') },
  };
}
