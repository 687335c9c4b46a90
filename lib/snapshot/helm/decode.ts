import { gunzipSync } from 'node:zlib';

import { overBudget, type ReadBudgets } from '../../model/budgets';
import { countJsonValues } from '../../parsing/json-count';

/** What decoding one release may use. */
export type ReleaseBudgets = Pick<ReadBudgets, 'helmReleaseBytes' | 'nodes'>;

const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A record that could not be decoded; the message says why. */
export class HelmDecodeError extends Error {
  override readonly name = 'HelmDecodeError';
}

/** Decodes strict base64 (whitespace ignored), failing on anything else rather than guessing. */
export function decodeBase64(value: string, what: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new HelmDecodeError(`${what} is not valid base64`);
  return Buffer.from(compact, 'base64');
}

/** Length of the base64 text of `n` bytes. */
const base64Length = (n: number): number => Math.ceil(n / 3) * 4;

const tooLarge = (maxBytes: number) =>
  new HelmDecodeError(`the release is larger than ${overBudget('helmReleaseBytes', maxBytes)}; not decoded`);

function isGzip(bytes: Buffer): boolean {
  return GZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function gunzip(bytes: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    if (e instanceof RangeError || (e instanceof Error && 'code' in e && e.code === 'ERR_BUFFER_TOO_LARGE')) {
      throw new HelmDecodeError(
        `the release decompresses to more than ${overBudget('helmReleaseBytes', maxBytes)}; not decoded`,
      );
    }
    throw new HelmDecodeError(`the release is not valid gzip (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Decodes a Helm 3 release string (what Helm stores: base64 of gzip'd JSON, or base64 of plain JSON) into the
 * parsed release JSON. Throws HelmDecodeError with a readable reason.
 */
export function decodeHelmString(helmString: string, budgets: ReleaseBudgets): unknown {
  const maxBytes = budgets.helmReleaseBytes;
  if (helmString.length > base64Length(maxBytes)) throw tooLarge(maxBytes);
  const bytes = decodeBase64(helmString, 'the release');
  const json = isGzip(bytes) ? gunzip(bytes, maxBytes) : bytes;
  if (json.length > maxBytes) throw tooLarge(maxBytes);
  // JSON.parse cannot be stopped half way: what it would build is counted first.
  if (countJsonValues(json, budgets.nodes) > budgets.nodes) {
    throw new HelmDecodeError(`the release holds more than ${overBudget('nodes', budgets.nodes)} values; not decoded`);
  }
  try {
    return JSON.parse(json.toString('utf8')) as unknown;
  } catch {
    throw new HelmDecodeError('the decoded release is not JSON');
  }
}

/** Decodes the `release` value of a Helm storage object: a Secret's value is base64 of the Helm string. */
export function decodeReleaseValue(storage: 'Secret' | 'ConfigMap', value: string, budgets: ReleaseBudgets): unknown {
  if (storage === 'ConfigMap') return decodeHelmString(value, budgets);
  const maxBytes = budgets.helmReleaseBytes;
  if (value.length > base64Length(base64Length(maxBytes))) throw tooLarge(maxBytes);
  return decodeHelmString(decodeBase64(value, 'the Secret value').toString('latin1'), budgets);
}
