import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readMultipart } from '@/lib/http/multipart';
import { readJson } from '@/lib/http/read-body';
import { validate } from '@/lib/http/validate';
import { TARGETS, type Target } from '@/lib/model/releases';
import { scanRequestSchema } from '@/lib/scan/request';
import type { ScanSource } from '@/lib/scan/sources';
import type { OfflineStream } from '@/lib/sources/offline/parse';

export interface ParsedScan {
  source: ScanSource;
  /** The upgrade target; for an upload it is known once the body has been read (the field may follow the files). */
  target(): Promise<Target>;
  /** Stops reading the request body. */
  close(): void;
}

const MAX_FILES = 20;

function targetOf(value: string | undefined): Target {
  const target = TARGETS.find((t) => t === (value ?? '1.25'));
  if (!target) throw new AppError('invalid-input', `target: must be one of ${TARGETS.join(', ')}`, 'target');
  return target;
}

/** A multipart upload of snapshot files, streamed straight into the offline reader. */
function fromUpload(request: Request): ParsedScan {
  const upload = readMultipart(request, {
    maxBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
    setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES',
    maxFiles: MAX_FILES,
  });
  let count = 0;
  async function* files(): AsyncGenerator<OfflineStream> {
    for await (const f of upload.files) {
      count += 1;
      yield { name: f.name, chunks: f.chunks };
    }
    if (count === 0) {
      throw new AppError(
        'invalid-input',
        'Choose at least one snapshot file (the JSON output of kubectl get).',
        'snapshot',
      );
    }
  }
  return {
    source: { kind: 'snapshot', files: files() },
    target: async () => targetOf((await upload.fields()).target),
    close: () => upload.close(),
  };
}

/** Reads a scan request: JSON for the live and demo sources, a multipart form for offline snapshot files. */
export async function parseScanRequest(request: Request): Promise<ParsedScan> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return fromUpload(request);
  // A pasted kubeconfig is the largest JSON body; its own limit is enforced again when it is parsed.
  const body = await readJson(
    request,
    env().RELEASE_LENS_MAX_KUBECONFIG_BYTES + 4096,
    'RELEASE_LENS_MAX_KUBECONFIG_BYTES',
  );
  const parsed = validate(scanRequestSchema, body);
  if (parsed.source.kind === 'kubeconfig' && !env().RELEASE_LENS_LOCAL_KUBECONFIG) {
    throw new AppError(
      'forbidden',
      'This server does not offer its own kubeconfig contexts. Paste a kubeconfig or upload a snapshot instead.',
      'source.kind',
    );
  }
  return { source: parsed.source, target: () => Promise.resolve(parsed.target), close: () => undefined };
}
