import { z } from 'zod';
import { env } from '@/lib/env';
import { readJson } from '@/lib/http/read-body';
import { errorResponse, json } from '@/lib/http/responses';
import { validate } from '@/lib/http/validate';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const saveSchema = z.object({ report: z.unknown(), redact: z.boolean().default(false) });
const listSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Saves a report (validated against the report schema) and answers with its id and link. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = validate(saveSchema, await readJson(request, env().RELEASE_LENS_MAX_REPORT_BYTES));
    const saved = await (await getStore()).save(body.report, { redact: body.redact });
    return json({ ...saved, url: `/reports/${saved.id}` }, 201);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Lists the most recent reports saved on this instance. */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const { limit, offset } = validate(listSchema, params);
    return json({ reports: await (await getStore()).list({ limit, offset }) });
  } catch (error) {
    return errorResponse(error);
  }
}
