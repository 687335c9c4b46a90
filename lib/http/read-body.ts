import { AppError } from '../errors';
import { formatBytes } from '../model/budgets';

function tooLarge(limit: number, setting: string): AppError {
  return new AppError(
    'too-large',
    `The request is larger than the ${formatBytes(limit)} this server accepts (${setting}).`,
  );
}

/** Reads a request body as UTF-8 text, refusing it as soon as it passes `limit` bytes. */
export async function readText(request: Request, limit: number, setting: string): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, setting);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit, setting);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses a JSON body within a size limit; a parse failure is an invalid-input error. */
export async function readJson(request: Request, limit: number, setting: string): Promise<unknown> {
  const text = await readText(request, limit, setting);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid-input', 'The request body is not valid JSON.');
  }
}
