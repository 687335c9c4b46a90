'use client';

import type { SourcesInfo } from '@/lib/model/scan';
import { SnapshotCommands } from './snapshot-commands';
import type { DashboardSourceKind as SourceKind } from '@/lib/model/sources';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

export interface SourceValues {
  context: string;
  kubeconfig: string;
  files: File[];
  /** A repository archive (.zip, .tar.gz) to scan. */
  repository: File | undefined;
  /** Manifests pasted instead of an archive. */
  manifests: string;
  /** Why a chosen kubeconfig file was not read. */
  fileProblem?: string | undefined;
}

/** A kubeconfig file larger than this is not one (the server refuses far smaller ones too). */
const MAX_KUBECONFIG_FILE = 1024 * 1024;

interface Props {
  kind: SourceKind;
  info: SourcesInfo | undefined;
  values: SourceValues;
  onChange: (v: Partial<SourceValues>) => void;
}

/** The inputs of the chosen source. */
export function SourceInputs({ kind, info, values, onChange }: Props) {
  switch (kind) {
    case 'demo':
      return (
        <p className="text-sm">
          A bundled sample cluster (Kubernetes 1.23, a fictional freight company) with something for every check.
        </p>
      );
    case 'in-cluster':
      return (
        <p className="text-sm">
          Scans the cluster this server runs in, with its service account (read-only role: see deploy/).
        </p>
      );
    case 'kubeconfig':
      return (
        <div>
          <label htmlFor="context" className="mb-1 block text-sm font-medium">
            Context
          </label>
          <select
            id="context"
            value={values.context}
            onChange={(e) => onChange({ context: e.target.value })}
            className={inputClass}
          >
            {(info?.localContexts ?? []).map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({c.server}){c.current ? ' · current' : ''}
              </option>
            ))}
          </select>
        </div>
      );
    case 'upload':
      return (
        <div className="space-y-2">
          <label htmlFor="kubeconfig" className="block text-sm font-medium">
            Kubeconfig
          </label>
          <textarea
            id="kubeconfig"
            value={values.kubeconfig}
            onChange={(e) => onChange({ kubeconfig: e.target.value })}
            rows={8}
            spellCheck={false}
            autoComplete="off"
            placeholder="apiVersion: v1&#10;kind: Config&#10;…"
            className={`${inputClass} font-mono text-xs`}
          />
          <label className="block text-sm">
            <span className="font-medium">Or choose a kubeconfig file</span>{' '}
            <input
              type="file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                if (file.size > MAX_KUBECONFIG_FILE) {
                  onChange({ kubeconfig: '', fileProblem: `${file.name} is larger than 1 MiB: not a kubeconfig.` });
                  return;
                }
                void file.text().then((text) => onChange({ kubeconfig: text, fileProblem: undefined }));
              }}
              className="text-sm"
            />
          </label>
          {values.fileProblem ? (
            <p className="text-sm text-red-800 dark:text-red-300" role="alert">
              {values.fileProblem}
            </p>
          ) : null}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Use a token or inline certificate data, ideally a read-only service account. Exec plugins, auth providers
            and file paths are refused. The kubeconfig stays in memory for this scan only: it is never stored or logged.
          </p>
          <label htmlFor="kubeconfig-context" className="block text-sm font-medium">
            Context (optional)
          </label>
          <input
            id="kubeconfig-context"
            value={values.context}
            onChange={(e) => onChange({ context: e.target.value })}
            className={inputClass}
            placeholder="current-context"
          />
        </div>
      );
    case 'files':
      return (
        <div className="space-y-2">
          <label htmlFor="repository-archive" className="block text-sm font-medium">
            Repository archive (.zip or .tar.gz)
          </label>
          <input
            id="repository-archive"
            type="file"
            accept=".zip,.tgz,.tar.gz,application/zip,application/gzip"
            onChange={(e) => onChange({ repository: e.target.files?.[0] })}
            className="text-sm"
          />
          <label htmlFor="pasted-manifests" className="block text-sm font-medium">
            Or paste manifests (YAML or JSON, several documents allowed)
          </label>
          <textarea
            id="pasted-manifests"
            value={values.manifests}
            onChange={(e) => onChange({ manifests: e.target.value })}
            rows={6}
            spellCheck={false}
            autoComplete="off"
            placeholder="apiVersion: policy/v1beta1&#10;kind: PodDisruptionBudget&#10;…"
            className={`${inputClass} font-mono text-xs`}
          />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Manifests, Helm charts and kustomizations are read where they are written, so each finding names its file
            and line. Charts are read as template text on every branch; to render them with helm and kustomize, run{' '}
            <code>release-lens scan --files</code>. Nothing is stored unless you save the report.
          </p>
        </div>
      );
    case 'snapshot':
      return (
        <div>
          <label htmlFor="snapshot-files" className="mb-1 block text-sm font-medium">
            Snapshot files (the JSON lists, metrics.txt and api-versions.txt)
          </label>
          <input
            id="snapshot-files"
            type="file"
            multiple
            accept=".json,.txt,application/json,text/plain"
            onChange={(e) => onChange({ files: Array.from(e.target.files ?? []) })}
            className="text-sm"
          />
          {info ? <SnapshotCommands commands={info.snapshotCommands} /> : null}
        </div>
      );
  }
}
