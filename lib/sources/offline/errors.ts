import { formatBytes } from '../../model/budgets';
import type { JsonStreamError } from '../../parsing/json-items';

/** Why an offline snapshot was refused. */
export type OfflineSnapshotErrorKind = 'invalid-json' | 'not-kubernetes' | 'too-large' | 'empty';

/** A refused offline snapshot file, with a message a person can act on. */
export class OfflineSnapshotError extends Error {
  override readonly name = 'OfflineSnapshotError';

  constructor(
    readonly kind: OfflineSnapshotErrorKind,
    /** The file at fault; undefined when the problem is the set of files as a whole. */
    readonly file: string | undefined,
    message: string,
    /** For invalid JSON: where the parser stopped (1-based). */
    readonly position?: { line: number; column: number },
  ) {
    super(message);
  }
}

const HOW_TO = 'Upload the unmodified output of `kubectl get ... -o json` (see the snapshot commands).';

/** The error for a file that stops being JSON, where the reader found it. */
export function invalidJson(file: string, error: JsonStreamError): OfflineSnapshotError {
  return new OfflineSnapshotError(
    'invalid-json',
    file,
    `${file} is not valid JSON: ${error.message}. The file may be cut short or edited. ${HOW_TO}`,
    { line: error.line, column: error.column },
  );
}

/** The error for valid JSON that is not kubectl output. */
export function notKubernetes(file: string, what: string): OfflineSnapshotError {
  return new OfflineSnapshotError(
    'not-kubernetes',
    file,
    `${file} is not a Kubernetes snapshot: ${what}. Expected a kubectl List ("kind": "List" with "items"), a single ` +
      `object with apiVersion and kind, the output of \`kubectl version -o json\`, \`kubectl api-versions\` or ` +
      `\`kubectl get --raw /metrics\`. ${HOW_TO}`,
  );
}

/** The error for a file (or a set of files) over the size limit; reading stopped at the limit. */
export function tooLarge(file: string | undefined, limit: number): OfflineSnapshotError {
  const what = file === undefined ? 'The snapshot files together are' : `${file} is`;
  return new OfflineSnapshotError(
    'too-large',
    file,
    `${what} larger than the ${formatBytes(limit)} this server accepts (RELEASE_LENS_MAX_SNAPSHOT_BYTES). Leave out ` +
      'what the checks do not need (Events, ConfigMaps without owner=helm), or scan the cluster directly with a ' +
      'kubeconfig, which reads it page by page.',
  );
}

/** The error for an empty file or a set of files without any Kubernetes object. */
export function empty(file: string | undefined): OfflineSnapshotError {
  return new OfflineSnapshotError(
    'empty',
    file,
    file === undefined
      ? `The snapshot holds no Kubernetes objects. ${HOW_TO}`
      : `${file} is empty. Check that the kubectl command succeeded (it prints errors to the terminal, not the file).`,
  );
}

/** The error for a file saved as UTF-16 (what Windows PowerShell's `>` writes). */
export function utf16(file: string): OfflineSnapshotError {
  return new OfflineSnapshotError(
    'invalid-json',
    file,
    `${file} looks like UTF-16 text, not UTF-8 JSON. Windows PowerShell's \`>\` writes UTF-16: save it with ` +
      '`| Out-File -Encoding utf8 <file>` instead, or run the command in another shell.',
    { line: 1, column: 1 },
  );
}
