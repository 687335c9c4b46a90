import { route } from '@/lib/http/route';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { bearerToken, isAdmin } from '@/lib/http/credentials';
import { errorResponse, json } from '@/lib/http/responses';
import type { DeleteCredential } from '@/lib/model/saved-report';
import { getStore } from '@/lib/store/instance';

export const dynamic = 'force-dynamic';

const notFound = () =>
  new AppError('not-found', 'No report has this id. It may have been deleted, or the link was cut short.');

/** One saved report as JSON: the link is the capability that opens it. */
export const GET = route(async (_request: Request, ctx: RouteContext<'/api/reports/[id]'>): Promise<Response> => {
  try {
    const stored = await (await getStore()).get((await ctx.params).id);
    if (!stored) throw notFound();
    return json(stored);
  } catch (error) {
    return errorResponse(error);
  }
});

/**
 * Deletes a saved report, for the browser or CLI that saved it (its manage token, as a bearer token) or the
 * administrator. Reports cannot be changed, only removed.
 */
export const DELETE = route(async (request: Request, ctx: RouteContext<'/api/reports/[id]'>): Promise<Response> => {
  try {
    const token = bearerToken(request);
    if (token === undefined) {
      throw new AppError(
        'unauthorized',
        'Deleting a report needs the manage token its saver received (Authorization: Bearer …), or the administrator token.',
      );
    }
    const credential: DeleteCredential = isAdmin(request, env()) ? { kind: 'admin' } : { kind: 'manage-token', token };
    const outcome = await (await getStore()).delete((await ctx.params).id, credential);
    if (outcome === 'not-found') throw notFound();
    if (outcome === 'denied') throw new AppError('forbidden', 'This token does not manage this report.');
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
});
