import type { AppErrorData } from '@/lib/errors';

const titles: Record<string, string> = {
  'invalid-input': 'That input was refused',
  'too-large': 'That is too large',
  'not-found': 'Not found',
  forbidden: 'Not allowed',
  unauthorized: 'The cluster rejected the credentials',
  unreachable: 'The cluster could not be reached',
  tls: 'The TLS connection could not be trusted',
  timeout: 'The cluster did not answer in time',
  busy: 'The server is busy',
  internal: 'Something went wrong',
};

/** A typed error shown in the page: what went wrong and what to do, never a stack trace. */
export function ErrorBox({ error }: { error: AppErrorData }) {
  return (
    <div
      role="alert"
      className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      data-testid="scan-error"
      data-kind={error.kind}
    >
      <p className="font-semibold">{titles[error.kind] ?? 'Error'}</p>
      <p className="mt-1 text-sm break-words">{error.message}</p>
      {error.field ? (
        <p className="mt-1 text-xs">
          Field: <code>{error.field}</code>
        </p>
      ) : null}
    </div>
  );
}
