import { getCatalog } from '@/lib/catalog';
import { env, readBudgets } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { busy } from '@/lib/http/admission';
import { activeScans } from '@/lib/http/admissions';
import { finishUpload, readMultipart } from '@/lib/http/multipart';
import { errorResponse, json } from '@/lib/http/responses';
import { route } from '@/lib/http/route';
import { validate } from '@/lib/http/validate';
import type { Report } from '@/lib/model/report';
import type { ScanResult } from '@/lib/model/scan';
import { changeSummaries } from '@/lib/report/change-summaries';
import { joinRepository } from '@/lib/report/join';
import { reportSchema } from '@/lib/report/schema';
import { readUploadedRepository, UPLOADS_NOT_RENDERED } from '@/lib/sources/files/archive';
import { readRepository } from '@/lib/sources/files/repository';

export const dynamic = 'force-dynamic';

async function readReportPart(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Report> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) {
      throw new AppError('too-large', `The report is larger than this server accepts (RELEASE_LENS_MAX_REPORT_BYTES).`);
    }
    parts.push(Buffer.from(chunk));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new AppError('invalid-input', 'The report is not JSON.', 'report');
  }
  return validate(reportSchema, parsed);
}

/**
 * Joins a cluster's report with the repository that deploys it: a multipart form with the report (`report`, the
 * JSON the scan answered) first, then the repository (`repository`: a .zip or .tar.gz; or `manifests`: pasted
 * text). Answers with the report whose findings name their source and whether to fix it or redeploy. The
 * repository is read as text, within the upload limit and the repository budgets; nothing is stored.
 */
export const POST = route(async (request: Request): Promise<Response> => {
  const ticket = activeScans.enter();
  if (!ticket) {
    return errorResponse(busy('scans', env().RELEASE_LENS_MAX_ACTIVE_SCANS, 'RELEASE_LENS_MAX_ACTIVE_SCANS'));
  }
  const settings = env();
  const upload = readMultipart(request, {
    maxBytes: settings.RELEASE_LENS_MAX_REPORT_BYTES + settings.RELEASE_LENS_MAX_SNAPSHOT_BYTES,
    setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES',
    maxFiles: 2,
  });
  try {
    const parts = upload.files[Symbol.asyncIterator]();
    const first = await parts.next();
    if (first.done || first.value.field !== 'report') {
      throw new AppError('invalid-input', 'Send the report first (the report part), then the repository.', 'report');
    }
    const report = await readReportPart(first.value.chunks, settings.RELEASE_LENS_MAX_REPORT_BYTES);
    const second = await parts.next();
    if (second.done || (second.value.field !== 'repository' && second.value.field !== 'manifests')) {
      throw new AppError('invalid-input', 'Choose a repository archive or paste manifests to join with.', 'repository');
    }
    const name = second.value.field === 'manifests' ? 'pasted.yaml' : second.value.name || 'repository';
    const budgets = readBudgets();
    const uploaded = await readUploadedRepository(name, second.value.chunks, {
      budgets,
      maxBytes: settings.RELEASE_LENS_MAX_SNAPSHOT_BYTES,
      setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES',
    });
    // Read the body to its end before answering: a request stream still being read when the answer goes out is
    // closed under the reader.
    await finishUpload(upload, parts);
    const catalog = getCatalog();
    const repository = await readRepository([], '/', {
      source: { kind: 'files', label: name },
      budgets,
      target: report.target,
      removedApis: catalog.removedApis,
      tools: { off: UPLOADS_NOT_RENDERED },
      extra: uploaded.files,
      extraUnread: uploaded.unread,
      signal: request.signal,
    });
    const joined = joinRepository(
      report,
      { manifests: repository.snapshot.manifests ?? [], charts: repository.snapshot.charts ?? [] },
      { removedApis: catalog.removedApis, label: name },
    );
    return json<ScanResult>({ report: joined, changes: changeSummaries(joined, catalog) });
  } catch (error) {
    return errorResponse(error);
  } finally {
    upload.close();
    ticket.leave();
  }
});
