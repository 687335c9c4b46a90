import { AppError } from '@/lib/errors';
import { errorResponse, json } from '@/lib/http/responses';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const notFound = () =>
  new AppError('not-found', 'No report has this id. It may have been deleted, or the link was cut short.');

/** One saved report as JSON. */
export async function GET(_request: Request, ctx: RouteContext<'/api/reports/[id]'>): Promise<Response> {
  try {
    const stored = await (await getStore()).get((await ctx.params).id);
    if (!stored) throw notFound();
    return json(stored);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Deletes a saved report. Reports cannot be changed, only removed. */
export async function DELETE(_request: Request, ctx: RouteContext<'/api/reports/[id]'>): Promise<Response> {
  try {
    const deleted = await (await getStore()).delete((await ctx.params).id);
    if (!deleted) throw notFound();
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
