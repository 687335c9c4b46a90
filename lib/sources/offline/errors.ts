import { jsonErrorOffset } from './json-position';

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

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The error for text that JSON.parse refused, located from the parser's message. */
export function invalidJson(file: string, text: string, error: unknown): OfflineSnapshotError {
  const reason = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(reason);
  const offset = at?.[1] !== undefined ? Number(at[1]) : jsonErrorOffset(text);
  const position = lineColumn(text, offset);
  // V8 messages quote the text around the error; keep the first clause only (the position says where).
  const short = (reason.split(/,\s|\s+in JSON at position/)[0] ?? reason).replace(/\s+/g, ' ').slice(0, 120);
  return new OfflineSnapshotError(
    'invalid-json',
    file,
    `${file} is not valid JSON: ${short} at line ${position.line}, column ${position.column}. ` +
      'The file may be cut short or edited. ' +
      HOW_TO,
    position,
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

/** The error for a file (or a set of files) over the size limit. */
export function tooLarge(file: string | undefined, bytes: number, limit: number): OfflineSnapshotError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  const what = file === undefined ? 'The snapshot files together are' : `${file} is`;
  return new OfflineSnapshotError(
    'too-large',
    file,
    `${what} ${mb(bytes)}, over the ${mb(limit)} limit. Leave out what the checks do not need (Events), or scan ` +
      'the cluster directly with a kubeconfig, which reads it page by page.',
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
