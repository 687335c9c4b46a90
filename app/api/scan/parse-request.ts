import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readJson } from '@/lib/http/read-body';
import { validate } from '@/lib/http/validate';
import { TARGETS, type Target } from '@/lib/model/releases';
import { scanRequestSchema } from '@/lib/scan/request';
import type { ScanSource } from '@/lib/scan/sources';

export interface ParsedScan {
  source: ScanSource;
  target: Target;
}

async function fromForm(request: Request): Promise<ParsedScan> {
  const limit = env().RELEASE_LENS_MAX_SNAPSHOT_BYTES;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new AppError(
      'too-large',
      `The snapshot files are larger than the ${Math.round(limit / 1048576)} MiB this server accepts. Scan the cluster live instead; it reads page by page.`,
    );
  }
  const form = await request.formData();
  const rawTarget = form.get('target');
  const targetText = typeof rawTarget === 'string' ? rawTarget : '1.25';
  const target = TARGETS.find((t) => t === targetText);
  if (!target) throw new AppError('invalid-input', `target: must be one of ${TARGETS.join(', ')}`, 'target');
  const files = form.getAll('snapshot').filter((f): f is File => typeof f !== 'string');
  if (files.length === 0)
    throw new AppError(
      'invalid-input',
      'Choose at least one snapshot file (the JSON output of kubectl get).',
      'snapshot',
    );
  return {
    target,
    source: {
      kind: 'snapshot',
      files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))),
    },
  };
}

/** Reads a scan request: JSON for the live and demo sources, a multipart form for offline snapshot files. */
export async function parseScanRequest(request: Request): Promise<ParsedScan> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return fromForm(request);
  // A pasted kubeconfig is the largest JSON body; its own limit is enforced again when it is parsed.
  const body = await readJson(request, env().RELEASE_LENS_MAX_KUBECONFIG_BYTES + 4096);
  const parsed = validate(scanRequestSchema, body);
  if (parsed.source.kind === 'kubeconfig' && !env().RELEASE_LENS_LOCAL_KUBECONFIG) {
    throw new AppError(
      'forbidden',
      'This server does not offer its own kubeconfig contexts. Paste a kubeconfig or upload a snapshot instead.',
      'source.kind',
    );
  }
  return { target: parsed.target, source: parsed.source };
}
