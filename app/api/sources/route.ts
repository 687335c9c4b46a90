import { route } from '@/lib/http/route';
import { isInClusterAvailable, listLocalContexts } from '@/lib/sources/cluster';
import { env } from '@/lib/env';
import { json } from '@/lib/http/responses';
import type { SourcesInfo } from '@/lib/model/scan';
import { SNAPSHOT_COMMANDS } from '@/lib/sources/offline/parse';

export const dynamic = 'force-dynamic';

/** What this server can scan: its own kubeconfig contexts (names and hosts only), in-cluster, snapshot commands. */
export const GET = route((): Response => {
  const localEnabled = env().RELEASE_LENS_LOCAL_KUBECONFIG;
  return json<SourcesInfo>({
    localEnabled,
    requestTimeoutMs: env().RELEASE_LENS_REQUEST_TIMEOUT_MS,
    localContexts: localEnabled ? listLocalContexts() : [],
    inCluster: isInClusterAvailable(),
    snapshotCommands: SNAPSHOT_COMMANDS,
  });
});
