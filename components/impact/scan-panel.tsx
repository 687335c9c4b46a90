'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { LAST_SCAN_AT, readLastScan, sourcesQuery, useScan, type ScanInput } from '@/lib/query/scan';
import { LATEST_RELEASE, TARGETS, type Target } from '@/lib/model/releases';
import type { DashboardSourceKind as SourceKind } from '@/lib/model/sources';
import { ErrorBox } from './error-box';
import dynamic from 'next/dynamic';
import { SaveReport } from './save-report';
import { ScanProgressBar } from './scan-progress-bar';
import { SourceInputs, type SourceValues } from './source-inputs';
import { SourcePicker } from './source-picker';
import { JoinRepository } from './join-repository';
import type { ScanResult } from '@/lib/model/scan';

/** The results view's code, asked for as soon as a scan starts so it is there when the report arrives. */
const loadImpactView = () => import('./impact-view').then((m) => m.ImpactView);

// The page opens with the scan form only: the results view (workbench, readiness, coverage) loads with a result.
const ImpactView = dynamic(loadImpactView, {
  loading: () => (
    <p role="status" className="text-sm">
      Loading the results…
    </p>
  ),
});

function inputOf(kind: SourceKind, target: Target, v: SourceValues): ScanInput {
  switch (kind) {
    case 'demo':
    case 'in-cluster':
      return { target, source: { kind } };
    case 'kubeconfig':
      return { target, source: { kind, ...(v.context ? { context: v.context } : {}) } };
    case 'upload':
      return {
        target,
        source: { kind, kubeconfig: v.kubeconfig, ...(v.context.trim() ? { context: v.context.trim() } : {}) },
      };
    case 'snapshot':
      return { target, source: { kind, files: v.files } };
    case 'files':
      return {
        target,
        source: v.repository ? { kind, archive: v.repository } : { kind, manifests: v.manifests },
      };
  }
}

function missingInput(kind: SourceKind, v: SourceValues): string | undefined {
  if (kind === 'upload' && !v.kubeconfig.trim()) return 'Paste a kubeconfig first.';
  if (kind === 'snapshot' && v.files.length === 0) return 'Choose at least one snapshot file.';
  if (kind === 'files' && !v.repository && !v.manifests.trim()) return 'Choose an archive or paste manifests first.';
  return undefined;
}

const noSubscription = () => () => undefined;

/** The result this tab kept from its last scan (so a reload does not lose it); read once in the browser. */
function useKeptScan(): ScanResult | undefined {
  const at = useSyncExternalStore(
    noSubscription,
    () => {
      try {
        return window.sessionStorage.getItem(LAST_SCAN_AT);
      } catch {
        return null;
      }
    },
    () => null,
  );
  return useMemo(() => (at === null ? undefined : readLastScan()), [at]);
}

/** Choose a source and target, scan with a progress bar, then see (and save) the impact view. */
export function ScanPanel() {
  const sources = useQuery(sourcesQuery);
  const scan = useScan();
  const [kind, setKind] = useState<SourceKind>('demo');
  const [target, setTarget] = useState<Target>('1.25');
  const [values, setValues] = useState<SourceValues>({
    context: '',
    kubeconfig: '',
    files: [],
    repository: undefined,
    manifests: '',
  });
  const kinds: SourceKind[] = ['demo', 'upload', 'snapshot', 'files'];
  if (sources.data?.localEnabled && sources.data.localContexts.length > 0) kinds.splice(1, 0, 'kubeconfig');
  if (sources.data?.inCluster) kinds.push('in-cluster');
  const problem = missingInput(kind, values);
  // A join replaces the report on screen until the next scan.
  const [joined, setJoined] = useState<ScanResult | undefined>();
  const kept = useKeptScan();
  const latest = scan.data ?? (scan.isPending ? undefined : kept);
  const shown = joined && latest && joined.report.generatedAt === latest.report.generatedAt ? joined : latest;

  function choose(k: SourceKind) {
    setKind(k);
    const current = sources.data?.localContexts.find((c) => c.current) ?? sources.data?.localContexts[0];
    setValues((v) => ({ ...v, context: k === 'kubeconfig' ? (current?.name ?? '') : '' }));
  }

  return (
    <>
      <form
        className="no-print space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem) return;
          // A failed early fetch is retried when the view renders.
          loadImpactView().catch(() => undefined);
          scan.mutate(inputOf(kind, target, values));
        }}
      >
        <SourcePicker kinds={kinds} value={kind} onChange={choose} />
        {sources.data && !kinds.includes('kubeconfig') ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="local-kubeconfig-off">
            {sources.data.localEnabled
              ? 'This server found no context in its own kubeconfig, so it offers none to scan.'
              : "Scanning this server's own kubeconfig contexts is off. Whoever runs it can switch it on with RELEASE_LENS_LOCAL_KUBECONFIG=true (see the README); until then, paste a kubeconfig."}
          </p>
        ) : null}
        <SourceInputs
          kind={kind}
          info={sources.data}
          values={values}
          onChange={(v) => setValues((old) => ({ ...old, ...v }))}
        />
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="target" className="mb-1 block text-sm font-medium">
              Upgrade target
            </label>
            <select
              id="target"
              value={target}
              onChange={(e) => setTarget(TARGETS.find((t) => t === e.target.value) ?? LATEST_RELEASE)}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              {[...TARGETS].reverse().map((t) => (
                <option key={t} value={t}>
                  Kubernetes {t}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            disabled={scan.isPending || problem !== undefined}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
          >
            {scan.isPending ? 'Scanning…' : 'Scan (read-only)'}
          </button>
          {problem ? <span className="text-sm text-slate-600 dark:text-slate-400">{problem}</span> : null}
        </div>
      </form>
      {scan.isPending && scan.progress ? (
        <ScanProgressBar
          progress={scan.progress}
          onCancel={scan.cancel}
          {...(sources.data ? { timeoutMs: sources.data.requestTimeoutMs } : {})}
        />
      ) : null}
      {scan.error?.cancelled ? (
        <p className="mt-4 text-sm" role="status" data-testid="scan-cancelled">
          Scan cancelled: nothing was read after that, and nothing was saved.
        </p>
      ) : scan.error ? (
        <ErrorBox error={scan.error.data} />
      ) : null}
      {shown && !scan.isPending ? (
        <div className="mt-6">
          {shown === kept && !scan.data ? (
            <p className="no-print mb-3 text-sm text-slate-600 dark:text-slate-400" data-testid="scan-restored">
              The scan of {shown.report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, kept in this tab.
              Scan again for a fresh picture.
            </p>
          ) : null}
          {shown.report.cluster.source.kind !== 'files' ? (
            <JoinRepository key={shown.report.generatedAt} report={shown.report} onJoined={setJoined} />
          ) : null}
          <ImpactView
            report={shown.report}
            changes={shown.changes}
            reveal
            actions={
              <SaveReport key={`${shown.report.generatedAt}-${joined ? 'joined' : 'scan'}`} report={shown.report} />
            }
          />
        </div>
      ) : null}
    </>
  );
}
