import { route } from '@/lib/http/route';
import { busy } from '@/lib/http/admission';
import { activeUploads } from '@/lib/http/admissions';
import { z } from 'zod';
import { env } from '@/lib/env';
import { assertAdmin, assertMaySave } from '@/lib/http/credentials';
import { readJson } from '@/lib/http/read-body';
import type { SaveResponse } from '@/lib/model/saved-report';
import { errorResponse, json } from '@/lib/http/responses';
import { validate } from '@/lib/http/validate';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const saveSchema = z.object({ report: z.unknown(), redact: z.boolean().default(false) });
const listSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Saves a report (validated against the report schema; redacted here when asked or when it claims to be) and
 * answers with its link and the manage token that lets the saver delete it, given only this once.
 */
export const POST = route(async (request: Request): Promise<Response> => {
  const ticket = activeUploads.enter();
  if (!ticket) {
    return errorResponse(
      busy('report saves', env().RELEASE_LENS_MAX_ACTIVE_UPLOADS, 'RELEASE_LENS_MAX_ACTIVE_UPLOADS'),
    );
  }
  try {
    assertMaySave(request, env());
    const body = validate(saveSchema, await readJson(request, env().RELEASE_LENS_MAX_REPORT_BYTES));
    const saved = await (await getStore()).save(body.report, { redact: body.redact });
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
