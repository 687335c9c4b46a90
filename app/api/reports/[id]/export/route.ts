import { route } from '@/lib/http/route';
import { z } from 'zod';
import { getCatalog } from '@/lib/catalog';
import { AppError } from '@/lib/errors';
import { download, errorResponse } from '@/lib/http/responses';
import { validate } from '@/lib/http/validate';
import { EXPORT_FORMATS, EXPORTS, exportFileName, exportReport } from '@/lib/report/export';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ format: z.enum(EXPORT_FORMATS) });

/** Downloads a saved report as Markdown, JSON, CSV, SARIF or a pull-request comment, named by cluster and date. */
export const GET = route(async (request: Request, ctx: RouteContext<'/api/reports/[id]/export'>): Promise<Response> => {
  try {
    const { format } = validate(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    const { id } = await ctx.params;
    const stored = await (await getStore()).get(id);
    if (!stored)
      throw new AppError('not-found', 'No report has this id. It may have been deleted, or the link was cut short.');
    const body = exportReport(format, stored.report, getCatalog());
    return download(body, EXPORTS[format].contentType, exportFileName(stored.report, EXPORTS[format].extension));
  } catch (error) {
    return errorResponse(error);
  }
});
