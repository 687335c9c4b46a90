import { gunzipSync, gzipSync } from 'node:zlib';
import type { Manifest } from './types';

/** Builds the Secret or ConfigMap in which Helm v3 stores one release revision. */

export interface HelmHook {
  name: string;
  kind: string;
  events: string[];
  manifest: string;
}

export interface HelmRevision {
  release: string;
  namespace: string;
  revision: number;
  status: 'deployed' | 'superseded' | 'failed' | 'pending-upgrade';
  chart: string;
  chartVersion: string;
  appVersion: string;
  /** The rendered templates as Helm stores them: "---\n# Source: ..." documents. */
  manifest: string;
  hooks?: HelmHook[];
  storage?: 'Secret' | 'ConfigMap';
}

/** A rendered template document the way helm writes it into the release manifest. */
export function template(chart: string, file: string, yaml: string): string {
  return `---\n# Source: ${chart}/templates/${file}\n${yaml.trim()}\n`;
}

function releaseRecord(r: HelmRevision): string {
  const deployedAt = new Date(Date.UTC(2024, 0, r.revision, 9, 30)).toISOString();
  const release = {
    name: r.release,
    namespace: r.namespace,
    version: r.revision,
    info: {
      first_deployed: '2024-01-01T09:30:00Z',
      last_deployed: deployedAt,
      deleted: '',
      description: r.revision === 1 ? 'Install complete' : 'Upgrade complete',
      status: r.status,
    },
    chart: {
      metadata: {
        apiVersion: 'v2',
        name: r.chart,
        version: r.chartVersion,
        appVersion: r.appVersion,
        type: 'application',
      },
      templates: [],
      values: {},
    },
    config: {},
    manifest: r.manifest,
    hooks: (r.hooks ?? []).map((h) => ({
      name: h.name,
      kind: h.kind,
      path: `${r.chart}/templates/${h.name}.yaml`,
      manifest: h.manifest,
      events: h.events,
      last_run: { started_at: '', completed_at: '', phase: '' },
      delete_policies: ['before-hook-creation'],
    })),
  };
  // Helm's encoding: base64(gzip(JSON)).
  return gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
}

export function helmRelease(r: HelmRevision): Manifest {
  const metadata = {
    name: `sh.helm.release.v1.${r.release}.v${r.revision}`,
    namespace: r.namespace,
    labels: { name: r.release, owner: 'helm', status: r.status, version: String(r.revision) },
  };
  const encoded = releaseRecord(r);
  return r.storage === 'ConfigMap'
    ? { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { release: encoded } }
    : {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'helm.sh/release.v1',
        metadata,
        // Secret data is base64 again on top of Helm's own base64.
        data: { release: Buffer.from(encoded).toString('base64') },
      };
}

/** Decodes a stored release back to its JSON (what Helm, Pluto and kubent read). */
export function decodeHelmRelease(stored: Manifest): Record<string, unknown> {
  const data = (stored.data ?? {}) as Record<string, string>;
  const value = data.release ?? '';
  const helmString = stored.kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value;
  return JSON.parse(gunzipSync(Buffer.from(helmString, 'base64')).toString('utf8')) as Record<string, unknown>;
}
