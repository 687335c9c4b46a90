import { route } from '@/lib/http/route';
import { z } from 'zod';
import { getCatalog } from '@/lib/catalog';
import { env } from '@/lib/env';
import { assertFleetViewer } from '@/lib/http/credentials';
import { download, errorResponse, json } from '@/lib/http/responses';
import { validate } from '@/lib/http/validate';
import { fleetCsv, fleetMarkdown, FLEET_FORMATS } from '@/lib/fleet/export';
import { filterClusters, parseFleetQuery } from '@/lib/fleet/query';
import { registry } from '@/lib/fleet/registered';
import { cachedFleetOverview } from '@/lib/fleet/service';
import type { FleetOverview } from '@/lib/model/fleet';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const formatSchema = z.object({ format: z.enum(FLEET_FORMATS).default('json') });

const CONTENT: Record<(typeof FLEET_FORMATS)[number], { type: string; extension: string }> = {
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
};

/**
 * The fleet view, for holders of a fleet token: every registered cluster with its readiness from its newest
 * report, its trend and its last scheduled scan, and the changes that still affect each. The filter parameters
 * of the page (q, verdict, change, stale) narrow the clusters, `target` judges all against one release; `format=csv|md` downloads them.
 */
export const GET = route(async (request: Request): Promise<Response> => {
  try {
    assertFleetViewer(request, env());
    const params = new URL(request.url).searchParams;
    const { format } = validate(formatSchema, { format: params.get('format') ?? undefined });
    const query = parseFleetQuery(params);
    const overview = await cachedFleetOverview(await getStore(), registry().clusters, getCatalog(), query.target);
    const rows = filterClusters(overview, query);
    if (format === 'json') return json<FleetOverview>({ ...overview, clusters: rows });
    const body = format === 'csv' ? fleetCsv(rows) : fleetMarkdown(overview, rows);
    const name = `release-lens-fleet-${overview.generatedAt.slice(0, 10)}.${CONTENT[format].extension}`;
    return download(body, CONTENT[format].type, name);
  } catch (error) {
    return errorResponse(error);
  }
});
