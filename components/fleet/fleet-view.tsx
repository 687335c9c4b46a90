'use client';

import { useState } from 'react';
import { downloadFleet, useFleet } from '@/lib/query/fleet';
import { FleetError } from '@/lib/query/fleet-api';
import { useFleetToken } from '@/lib/query/fleet-token';
import { filterClusters, fleetQueryParams } from '@/lib/fleet/query';
import { ClusterDetail } from './cluster-detail';
import { FleetChanges } from './fleet-changes';
import { FleetFilters } from './fleet-filters';
import { FleetSignIn } from './fleet-sign-in';
import { FleetTable } from './fleet-table';
import { useFleetQuery } from './use-fleet-query';

/** The fleet page: sign in with a fleet token, then clusters × readiness, a cluster's trend, changes across clusters. */
export function FleetView() {
  const [token, setToken] = useFleetToken();
  const [query, setQuery] = useFleetQuery();
  const fleet = useFleet(token, query.target);
  const [exportError, setExportError] = useState<string>();

  if (fleet.isPending) return <p role="status">Reading the fleet…</p>;
  if (fleet.isError) {
    const e = fleet.error;
    if (e instanceof FleetError && (e.status === 401 || e.status === 403)) {
      return <FleetSignIn message={e.message} onToken={setToken} />;
    }
    return <p role="alert">{e.message}</p>;
  }
  const overview = fleet.data;
  if (overview.clusters.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
        No cluster is registered. The operator lists clusters in the file RELEASE_LENS_CLUSTERS names: a kubeconfig and
        a schedule for each cluster the dashboard scans, an upload token for each cluster whose agent uploads.
      </p>
    );
  }
  const opened = query.cluster ? overview.clusters.find((c) => c.id === query.cluster) : undefined;
  if (opened) {
    const { cluster: _closed, ...rest } = query;
    return <ClusterDetail row={opened} onClose={() => setQuery(rest, true)} />;
  }
  const rows = filterClusters(overview, query);
  const exportAs = (format: 'csv' | 'md' | 'json') => {
    setExportError(undefined);
    downloadFleet(format, fleetQueryParams(query), token).catch((e: unknown) =>
      setExportError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <div className="space-y-6">
      <FleetFilters overview={overview} query={query} onChange={(next) => setQuery(next)} />
      <p role="status" className="text-sm">
        Showing {rows.length} of {overview.clusters.length} clusters.
      </p>
      <FleetTable rows={rows} onOpen={(id) => setQuery({ ...query, cluster: id }, true)} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>Download these clusters:</span>
        <button type="button" className="underline" onClick={() => exportAs('csv')}>
          CSV
        </button>
        <button type="button" className="underline" onClick={() => exportAs('md')}>
          Markdown
        </button>
        <button type="button" className="underline" onClick={() => exportAs('json')}>
          JSON
        </button>
        <button type="button" className="ml-auto underline" onClick={() => setToken('')}>
          Forget the fleet token
        </button>
        {exportError ? <span role="alert">{exportError}</span> : null}
      </div>
      <section aria-labelledby="fleet-changes" className="space-y-3">
        <h2 id="fleet-changes" className="text-lg font-semibold">
          Changes that still affect clusters
        </h2>
        <FleetChanges overview={overview} onPick={(changeId) => setQuery({ ...query, change: changeId })} />
      </section>
    </div>
  );
}
