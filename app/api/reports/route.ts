import { route } from '@/lib/http/route';
import { busy } from '@/lib/http/admission';
import { activeUploads } from '@/lib/http/admissions';
import { z } from 'zod';
import { env } from '@/lib/env';
import { assertAdmin, assertMaySave } from '@/lib/http/credentials';
import { readText } from '@/lib/http/read-body';
import { serverReportPreparer } from '@/lib/workers/instances';
import type { SaveResponse } from '@/lib/model/saved-report';
import { errorResponse, json } from '@/lib/http/responses';
import { validate } from '@/lib/http/validate';
import { getStore } from '@/lib/store/instance';
import { registry } from '@/lib/fleet/registered';
import { forgetFleetView } from '@/lib/fleet/service';

export const dynamic = 'force-dynamic';

/** Room for `{"report": …, "redact": true}` around a report of the largest size. */
const BODY_OVERHEAD = 1024;
const listSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Saves a report (validated against the report schema; redacted here when asked or when it claims to be) and
 * answers with its link and the manage token that lets the saver delete it, given only this once. A registered
 * cluster's agent token files the report under that cluster (the fleet view). The body is
 * read within RELEASE_LENS_MAX_REPORT_BYTES and prepared on a worker thread, so a large report never stalls
 * other requests.
 */
export const POST = route(async (request: Request): Promise<Response> => {
  const ticket = activeUploads.enter();
  if (!ticket) {
    return errorResponse(
      busy('report saves', env().RELEASE_LENS_MAX_ACTIVE_UPLOADS, 'RELEASE_LENS_MAX_ACTIVE_UPLOADS'),
    );
  }
  try {
    const grant = assertMaySave(request, env(), () => registry().tokens);
    const text = await readText(
      request,
      env().RELEASE_LENS_MAX_REPORT_BYTES + BODY_OVERHEAD,
      'RELEASE_LENS_MAX_REPORT_BYTES',
    );
    const store = await getStore();
    const prepared = await serverReportPreparer().prepare(text, store.limits, store.redactionSalt, request.signal);
    const saved = await store.insert(prepared, grant);
    if (grant.cluster !== undefined) forgetFleetView();
    return json<SaveResponse>({ ...saved, url: `/reports/${saved.id}` }, 201);
  } catch (error) {
    return errorResponse(error);
  } finally {
    ticket.leave();
  }
});

/** Lists the most recent reports saved on this instance: for the administrator only. */
export const GET = route(async (request: Request): Promise<Response> => {
  try {
    assertAdmin(request, env());
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const { limit, offset } = validate(listSchema, params);
    return json({ reports: await (await getStore()).list({ limit, offset }) });
  } catch (error) {
    return errorResponse(error);
  }
});
