import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BUDGETS as B, type ReadBudgets } from './model/budgets';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Comma-separated secrets, each at least 16 characters; unset is none. */
const tokenList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .refine((tokens) => tokens.every((t) => t.length >= 16), 'every token must be at least 16 characters');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the SQLite report store lives (a file path). */
  RELEASE_LENS_SQLITE_PATH: z.string().min(1).optional(),
  /** PostgreSQL connection string; when set, reports are stored there instead of SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  KUBECONFIG: z.string().optional(),
  HOME: z.string().optional(),
  /** Where helm, kubectl and kustomize are looked up for a repository scan. */
  PATH: z.string().optional(),
  /** Offer the contexts of the server's own kubeconfig (the app runs on your machine). */
  RELEASE_LENS_LOCAL_KUBECONFIG: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Comma-separated API server host names or IPs an uploaded kubeconfig may point at; empty = any public host. */
  RELEASE_LENS_ALLOWED_API_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Lets an uploaded kubeconfig reach link-local and cloud metadata addresses. Unsafe on a shared instance. */
  DANGEROUSLY_ALLOW_LINK_LOCAL_API_SERVERS: flag,
  RELEASE_LENS_MAX_KUBECONFIG_BYTES: positiveInt(256 * 1024),
  RELEASE_LENS_MAX_SNAPSHOT_BYTES: positiveInt(200 * 1024 * 1024),
  RELEASE_LENS_MAX_REPORT_BYTES: positiveInt(64 * 1024 * 1024),
  /** Per-request timeout for calls to a cluster, in milliseconds. */
  RELEASE_LENS_REQUEST_TIMEOUT_MS: positiveInt(15_000),
  /** Page size for paginated LISTs. */
  RELEASE_LENS_PAGE_SIZE: positiveInt(500),
  /** How many resources a scan lists at the same time. */
  RELEASE_LENS_SCAN_CONCURRENCY: positiveInt(4),
  /** Ask for pods as protobuf (the API server's own format, cheaper for it to write); false asks for JSON. */
  RELEASE_LENS_PROTOBUF: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Host names (with an optional port) this server answers; requests naming any other Host are refused, which
   * stops DNS rebinding. Comma-separated; '*' turns the check off (behind a proxy that checks Host itself).
   */
  RELEASE_LENS_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? 'localhost,127.0.0.1,[::1]')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** A secret that lets its bearer list every saved report and delete any of them. Unset: nobody can list. */
  RELEASE_LENS_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Comma-separated secrets; when set, saving a report needs one of them (Authorization: Bearer …). */
  RELEASE_LENS_UPLOAD_TOKENS: tokenList,
  /**
   * A YAML file of registered clusters (lib/fleet/registry.ts): the fleet view, scheduled scans with credentials
   * mounted into the app, and per-cluster agent upload tokens.
   */
  RELEASE_LENS_CLUSTERS: z.string().min(1).optional(),
  /** Comma-separated secrets that open the fleet view (the administrator token opens it too). */
  RELEASE_LENS_FLEET_TOKENS: tokenList,
  /** Runs the scheduled scans of registered clusters in this process ('off': this replica only serves pages). */
  RELEASE_LENS_SCHEDULER: z.enum(['on', 'off']).default('on'),
  /** How often the scheduler looks for due scans, in milliseconds. */
  RELEASE_LENS_SCHEDULER_TICK_MS: positiveInt(15_000),
  /** A scheduled scan still running after this long is given up, and retried (by any replica). */
  RELEASE_LENS_FLEET_SCAN_TIMEOUT_MS: positiveInt(30 * 60_000),
  /** The CLI sends this as a bearer token with --upload, for dashboards that require one. */
  RELEASE_LENS_UPLOAD_TOKEN: z.string().optional(),
  /** Read budgets (lib/model/budgets.ts): what one scan may read and parse of outside data. */
  RELEASE_LENS_MAX_RESPONSE_BYTES: positiveInt(B.responseBytes),
  RELEASE_LENS_MAX_SCAN_BYTES: positiveInt(B.scanBytes),
  RELEASE_LENS_MAX_OBJECT_BYTES: positiveInt(B.objectBytes),
  RELEASE_LENS_MAX_STRING_BYTES: positiveInt(B.stringBytes),
  RELEASE_LENS_MAX_DEPTH: positiveInt(B.depth),
  RELEASE_LENS_MAX_HELM_RELEASE_BYTES: positiveInt(B.helmReleaseBytes),
  RELEASE_LENS_MAX_MANIFEST_DOCUMENTS: positiveInt(B.manifestDocuments),
  RELEASE_LENS_MAX_DOCUMENT_BYTES: positiveInt(B.documentBytes),
  RELEASE_LENS_MAX_NODES: positiveInt(B.nodes),
  RELEASE_LENS_MAX_RELEASE_OBJECTS: positiveInt(B.releaseObjects),
  RELEASE_LENS_MAX_REPOSITORY_FILES: positiveInt(B.repositoryFiles),
  RELEASE_LENS_MAX_FILE_BYTES: positiveInt(B.fileBytes),
  RELEASE_LENS_MAX_REPOSITORY_BYTES: positiveInt(B.repositoryBytes),
  RELEASE_LENS_HELM_DECODE_TIMEOUT_MS: positiveInt(B.helmDecodeMs),
  /** Threads that decode Helm records (default: one per core but one). */
  RELEASE_LENS_DECODE_THREADS: z.coerce.number().int().positive().optional(),
  /** Scans one instance runs at once; one more is refused with 429 and Retry-After. */
  RELEASE_LENS_MAX_ACTIVE_SCANS: positiveInt(4),
  /** Heap one live scan may use on the dashboard, in MiB (a 50,000-pod cluster needs about 400). */
  RELEASE_LENS_SCAN_HEAP_MIB: positiveInt(2048),
  /** Report saves one instance runs at once; one more is refused with 429 and Retry-After. */
  RELEASE_LENS_MAX_ACTIVE_UPLOADS: positiveInt(4),
  /** The helm executable that renders charts in a repository scan (a name on PATH or a path); 'off' reads templates as text only. */
  RELEASE_LENS_HELM: z.string().min(1).default('helm'),
  /** The kubectl executable whose built-in kustomize renders kustomizations; 'off' to not use it. */
  RELEASE_LENS_KUBECTL: z.string().min(1).default('kubectl'),
  /** A standalone kustomize, used when kubectl is absent or off; 'off' to not use it. */
  RELEASE_LENS_KUSTOMIZE: z.string().min(1).default('kustomize'),
  /** The CLI prints the stack trace of an unexpected error (RELEASE_LENS_DEBUG=1). */
  RELEASE_LENS_DEBUG: flag,
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  KUBERNETES_SERVICE_PORT: z.string().optional(),
});

export type Env = z.output<typeof schema>;

/** Thrown at start-up when a setting is invalid; names the variable. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses settings from an environment map; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid settings:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated process environment, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The read budgets these settings give. */
export function readBudgets(e: Env = env()): ReadBudgets {
  return {
    responseBytes: e.RELEASE_LENS_MAX_RESPONSE_BYTES,
    scanBytes: e.RELEASE_LENS_MAX_SCAN_BYTES,
    objectBytes: e.RELEASE_LENS_MAX_OBJECT_BYTES,
    stringBytes: e.RELEASE_LENS_MAX_STRING_BYTES,
    depth: e.RELEASE_LENS_MAX_DEPTH,
    helmReleaseBytes: e.RELEASE_LENS_MAX_HELM_RELEASE_BYTES,
    manifestDocuments: e.RELEASE_LENS_MAX_MANIFEST_DOCUMENTS,
    documentBytes: e.RELEASE_LENS_MAX_DOCUMENT_BYTES,
    nodes: e.RELEASE_LENS_MAX_NODES,
    releaseObjects: e.RELEASE_LENS_MAX_RELEASE_OBJECTS,
    repositoryFiles: e.RELEASE_LENS_MAX_REPOSITORY_FILES,
    fileBytes: e.RELEASE_LENS_MAX_FILE_BYTES,
    repositoryBytes: e.RELEASE_LENS_MAX_REPOSITORY_BYTES,
    helmDecodeMs: e.RELEASE_LENS_HELM_DECODE_TIMEOUT_MS,
  };
}

/** Where SQLite reports go when no path is configured: ./.data/reports.sqlite under the working directory. */
export function sqlitePath(e: Env = env()): string {
  return e.RELEASE_LENS_SQLITE_PATH ?? path.join(process.cwd(), '.data', 'reports.sqlite');
}
