import { env, readBudgets } from '@/lib/env';
import { readUploadedRepository, UPLOADS_NOT_RENDERED } from '@/lib/sources/files/archive';
import { AppError } from '@/lib/errors';
import { finishUpload, readMultipart } from '@/lib/http/multipart';
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

/**
 * A multipart upload: snapshot files, streamed straight into the offline reader; or one repository (a .zip or
 * .tar.gz archive in the `repository` part, or pasted manifests in the `manifests` part), read whole within the
 * upload limit and the repository budgets.
 */
async function fromUpload(request: Request): Promise<ParsedScan> {
  const upload = readMultipart(request, {
    maxBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
    setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES',
    maxFiles: MAX_FILES,
  });
  const parts = upload.files[Symbol.asyncIterator]();
  const first = await parts.next().catch((error: unknown) => {
    upload.close();
    throw error;
  });
  if (!first.done && (first.value.field === 'repository' || first.value.field === 'manifests')) {
    const name = first.value.field === 'manifests' ? 'pasted.yaml' : first.value.name || 'repository';
    try {
      const repository = await readUploadedRepository(name, first.value.chunks, {
        budgets: readBudgets(),
        maxBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
        setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES',
      });
      // One repository per scan: any further part is read past, not scanned.
      const fields = await finishUpload(upload, parts);
      return {
        source: {
          kind: 'files',
          paths: [],
          base: '/',
          label: name,
          tools: { off: UPLOADS_NOT_RENDERED },
          extra: repository.files,
          extraUnread: repository.unread,
        },
        target: () => Promise.resolve(targetOf(fields.target)),
        close: () => upload.close(),
      };
    } catch (error) {
      upload.close();
      throw error;
    }
  }
  async function* files(): AsyncGenerator<OfflineStream> {
    if (first.done) {
      throw new AppError(
        'invalid-input',
        'Choose at least one snapshot file (the JSON output of kubectl get), or a repository archive.',
        'snapshot',
      );
    }
    yield { name: first.value.name, chunks: first.value.chunks };
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      yield { name: next.value.name, chunks: next.value.chunks };
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
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return await fromUpload(request);
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
