import { Readable, Transform, pipeline } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { formatBytes } from '../model/budgets';
import { AppError } from '../errors';

export interface UploadLimits {
  /** Largest body, in bytes: the real limit, enforced while the body streams in. */
  maxBytes: number;
  /** The setting that raises it, named in the error. */
  setting: string;
  maxFiles: number;
}

/** One uploaded file, streamed: read its chunks before asking for the next file. */
export interface UploadedFile {
  field: string;
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

export interface MultipartUpload {
  files: AsyncIterable<UploadedFile>;
  /** The text fields, known once the whole body is read (a field may follow the files). */
  fields(): Promise<Record<string, string>>;
  /** Stops reading the body (after an error, or when the reader has seen enough). */
  close(): void;
}

/** 413 with the limit and the setting that raises it. */
export function bodyTooLarge(maxBytes: number, setting: string): AppError {
  return new AppError(
    'too-large',
    `The upload is larger than the ${formatBytes(maxBytes)} this server accepts (${setting}). Upload fewer or ` +
      'smaller files, or scan the cluster live, which reads it page by page.',
  );
}

/**
 * Reads a multipart/form-data request as a stream (busboy does the parsing): files are handed over one at a time
 * as they arrive and nothing is buffered whole. The byte limit is counted on the raw body, chunked or not, and
 * a body over it fails the file being read with a 413 error.
 */
export function readMultipart(request: Request, limits: UploadLimits): MultipartUpload {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw bodyTooLarge(limits.maxBytes, limits.setting);
  if (!request.body) throw new AppError('invalid-input', 'The upload is empty.');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      limits: { files: limits.maxFiles, fields: 20, fieldSize: 4096, parts: limits.maxFiles + 20 },
    });
  } catch {
    throw new AppError('invalid-input', 'The upload is not multipart/form-data with a boundary.');
  }
  const fields: Record<string, string> = {};
  const queue: UploadedFile[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: Error | undefined;
  let current: Readable | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    current?.destroy(failure);
    notify();
  };

  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limits.maxBytes) return done(bodyTooLarge(limits.maxBytes, limits.setting));
      done(null, chunk);
    },
  });
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  parser.on('file', (field, stream, info) => {
    current = stream;
    queue.push({ field, name: info.filename || field, chunks: stream });
    notify();
  });
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('filesLimit', () => fail(new AppError('invalid-input', `Upload at most ${limits.maxFiles} files.`)));
  const ended = new Promise<void>((resolve) => {
    pipeline(body, counter, parser, (error) => {
      if (error)
        fail(
          error instanceof AppError
            ? error
            : new AppError('invalid-input', `The upload could not be read: ${error.message}.`),
        );
      finished = true;
      notify();
      resolve();
    });
  });

  async function* files(): AsyncGenerator<UploadedFile> {
    for (;;) {
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    files: files(),
    async fields() {
      await ended;
      if (failure) throw failure;
      return fields;
    },
    close() {
      // Once the body has been read to its end there is nothing to stop; cancelling the finished web stream
      // would throw outside any handler.
      if (finished || body.readableEnded) return;
      body.destroy();
      parser.destroy();
    },
  };
}

/**
 * Reads the parts left to the end without keeping them (the body limit still counts them), so the body is read
 * whole before the answer goes out; then the text fields.
 */
export async function finishUpload(
  upload: MultipartUpload,
  parts: AsyncIterator<UploadedFile>,
): Promise<Record<string, string>> {
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    for await (const _ of next.value.chunks) {
      // not kept
    }
  }
  return upload.fields();
}
