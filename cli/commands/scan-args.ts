import { EXPORT_FORMATS, type ExportFormat } from '../../lib/report/export';
import { TARGETS, type Target } from '../../lib/model/releases';
import { nonEmpty, oneOf, parseStrict } from '../args';
import { usageError } from '../errors';
import { FAIL_ON, type FailOn } from '../exit-codes';

const OPTIONS = {
  kubeconfig: { type: 'string' },
  context: { type: 'string', multiple: true },
  'all-contexts': { type: 'boolean' },
  'output-dir': { type: 'string' },
  parallel: { type: 'string' },
  snapshot: { type: 'string', multiple: true },
  files: { type: 'string', multiple: true },
  values: { type: 'string', multiple: true },
  'ignore-file': { type: 'string' },
  namespace: { type: 'string', short: 'n', multiple: true },
  demo: { type: 'boolean' },
  'in-cluster': { type: 'boolean' },
  target: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'fail-on-incomplete': { type: 'boolean' },
  redact: { type: 'boolean' },
  upload: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Where the scan reads from; the CLI's view of lib/scan's ScanSource, with file names instead of contents. */
export type ScanInput =
  | { kind: 'kubeconfig'; file?: string; context?: string }
  | { kind: 'snapshot'; files: string[] }
  /** A repository's files and directories (`-`: manifests on stdin), charts rendered with each values file. */
  | { kind: 'files'; paths: string[]; values: string[] }
  | { kind: 'demo' }
  | { kind: 'in-cluster' };

/** Several clusters in one run: the contexts to scan, where each report goes, and how many scans run at once. */
export interface FleetArgs {
  /** Context names, or every context of the kubeconfig. */
  contexts: string[] | 'all';
  outputDir: string;
  parallel: number;
}

export interface ScanArgs {
  input: ScanInput;
  /** Set for `--context a,b,c` (two or more) and `--all-contexts`: a fleet run (fleet.ts). */
  fleet?: FleetArgs;
  /** Namespaces a live scan is narrowed to (--namespace, repeatable or comma-separated). */
  namespaces?: string[];
  /** A repository to join the cluster's findings with (--files beside a cluster source). */
  repository?: Extract<ScanInput, { kind: 'files' }>;
  target: Target;
  /** Undefined: a table on a terminal, Markdown when piped or written to a file. */
  format?: ExportFormat | 'table';
  /** Undefined: stdout. */
  output?: string;
  failOn: FailOn;
  /** Exit 5 when the scan is incomplete, not only when it is no result at all. */
  failOnIncomplete: boolean;
  redact: boolean;
  /** The dashboard's base URL, without a trailing slash. */
  upload?: string;
  /** The ignore file named by --ignore-file; absent: .release-lens.yaml in the working directory, if there. */
  ignoreFile?: string;
  quiet: boolean;
}

/** What the CLI writes: every export format, and a table for the terminal. */
const CLI_FORMATS = [...EXPORT_FORMATS, 'table'] as const;

type Values = ReturnType<typeof parseStrict<typeof OPTIONS>>['values'];

type FilesInput = Extract<ScanInput, { kind: 'files' }>;

/** `--files a b c`: the paths after --files, as the peers take them; anywhere else a stray word is a mistake. */
function filesInput(v: Values, positionals: readonly string[]): FilesInput | undefined {
  if (positionals.length > 0 && v.files === undefined) {
    throw usageError(`Unexpected argument '${positionals[0] ?? ''}' (see release-lens scan --help)`);
  }
  if (v.values !== undefined && v.files === undefined) {
    throw usageError('--values renders the charts of a repository; it goes with --files.');
  }
  if (v.files === undefined) return undefined;
  const all = [...v.files, ...positionals];
  if (all.some((f) => f.trim() === '')) throw usageError('--files needs a file or directory, or - for stdin.');
  if (all.filter((f) => f === '-').length > 1) throw usageError('--files - (stdin) can be given once.');
  if ((v.values ?? []).some((f) => f.trim() === '' || f === '-')) throw usageError('--values needs a file name.');
  return { kind: 'files', paths: all, values: v.values ?? [] };
}

/**
 * The source, and the repository to join it with: `--files` alone scans the repository; with a cluster source
 * (--kubeconfig, --context, --snapshot, --demo, --in-cluster) the cluster is scanned and each finding is joined
 * with its source in the repository.
 */
function scanInput(
  v: Values,
  positionals: readonly string[],
): { input: ScanInput; repository?: FilesInput; fleet?: FleetArgs } {
  const files = filesInput(v, positionals);
  const chosen = [
    v.kubeconfig !== undefined && '--kubeconfig',
    v.snapshot !== undefined && '--snapshot',
    v.demo === true && '--demo',
    v['in-cluster'] === true && '--in-cluster',
  ].filter((f): f is string => typeof f === 'string');
  if (chosen.length > 1) throw usageError(`${chosen.join(' and ')} cannot be combined: choose one source.`);
  const contexts = contextsOf(v.context);
  if (contexts.length > 1 || v['all-contexts'] === true) return fleetInput(v, files);
  const context = contexts[0];
  if (context !== undefined && chosen.length === 1 && chosen[0] !== '--kubeconfig') {
    throw usageError(`--context selects a kubeconfig context; it does not apply to ${chosen[0]}.`);
  }
  if (files && chosen.length === 0 && context === undefined) return { input: files };
  let input: ScanInput;
  if (v.snapshot !== undefined) {
    if (v.snapshot.some((f) => f.trim() === '')) throw usageError('--snapshot needs a file name, or - for stdin.');
    if (v.snapshot.filter((f) => f === '-').length > 1) throw usageError('--snapshot - (stdin) can be given once.');
    if (files?.paths.includes('-') && v.snapshot.includes('-')) {
      throw usageError('--snapshot - and --files - cannot both read stdin.');
    }
    input = { kind: 'snapshot', files: v.snapshot };
  } else if (v.demo === true) input = { kind: 'demo' };
  else if (v['in-cluster'] === true) input = { kind: 'in-cluster' };
  else {
    const file = nonEmpty('kubeconfig', v.kubeconfig);
    input = {
      kind: 'kubeconfig',
      ...(file === undefined ? {} : { file }),
      ...(context === undefined ? {} : { context }),
    };
  }
  return { input, ...(files ? { repository: files } : {}) };
}

/** `--context a,b --context c`: the context names, in order, each once. */
function contextsOf(values: string[] | undefined): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((n) => n.trim());
  if (values !== undefined && names.some((n) => n === '')) throw usageError('--context needs a value: a context name.');
  return [...new Set(names)];
}

/** A fleet run reads live clusters through a kubeconfig: the other sources and a single output do not apply. */
function fleetInput(v: Values, files: FilesInput | undefined): { input: ScanInput; fleet: FleetArgs } {
  const clash = [
    v.snapshot !== undefined && '--snapshot',
    v.demo === true && '--demo',
    v['in-cluster'] === true && '--in-cluster',
    files !== undefined && '--files',
    v.output !== undefined && '--output (use --output-dir)',
    v.upload !== undefined && '--upload',
  ].filter((f): f is string => typeof f === 'string');
  if (clash.length > 0) {
    throw usageError(`Scanning several contexts reads live clusters only: ${clash.join(', ')} cannot be used with it.`);
  }
  const contexts = contextsOf(v.context);
  if (v['all-contexts'] === true && contexts.length > 0) {
    throw usageError('--all-contexts scans every context; leave out --context, or name the contexts instead.');
  }
  const parallel = v.parallel === undefined ? 4 : Number(v.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 32) {
    throw usageError(`--parallel takes a whole number from 1 to 32 (got "${v.parallel ?? ''}").`);
  }
  const file = nonEmpty('kubeconfig', v.kubeconfig);
  return {
    input: { kind: 'kubeconfig', ...(file === undefined ? {} : { file }) },
    fleet: {
      contexts: v['all-contexts'] === true ? 'all' : contexts,
      outputDir: nonEmpty('output-dir', v['output-dir']) ?? 'release-lens-fleet',
      parallel,
    },
  };
}

/** `--namespace a,b -n c`: valid namespace names, for a live cluster only. */
function namespacesOf(values: string[] | undefined, input: ScanInput): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim());
  const bad = names.find((n) => !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(n));
  if (bad !== undefined) throw usageError(`--namespace takes namespace names (got "${bad}").`);
  if (input.kind !== 'kubeconfig' && input.kind !== 'in-cluster') {
    throw usageError('--namespace narrows a live cluster scan; it does not apply to files, snapshots or the demo.');
  }
  return [...new Set(names)];
}

/** Checks the --upload address early, so a typo does not cost a whole scan. */
function uploadBase(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw usageError(
      `--upload must be the dashboard's http(s) address, e.g. https://release-lens.example.com (got "${value}").`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Parses `release-lens scan` flags; `help` when --help was given. Throws a usage error (exit 2) otherwise. */
export function parseScanArgs(argv: readonly string[]): ScanArgs | 'help' {
  const { values: v, positionals } = parseStrict(argv, OPTIONS, 'scan', true);
  if (v.help === true) return 'help';
  const output = nonEmpty('output', v.output);
  const upload = uploadBase(v.upload);
  const ignoreFile = nonEmpty('ignore-file', v['ignore-file']);
  const { input, repository, fleet } = scanInput(v, positionals);
  if (!fleet && (v['output-dir'] !== undefined || v.parallel !== undefined)) {
    throw usageError('--output-dir and --parallel go with several contexts (--context a,b or --all-contexts).');
  }
  const namespaces = namespacesOf(v.namespace, input);
  return {
    ...(fleet ? { fleet } : {}),
    ...(ignoreFile === undefined ? {} : { ignoreFile }),
    input,
    ...(repository ? { repository } : {}),
    ...(namespaces ? { namespaces } : {}),
    target: oneOf('target', v.target, TARGETS, '1.25'),
    ...(v.format === undefined ? {} : { format: oneOf('format', v.format, CLI_FORMATS, 'md') }),
    ...(output === undefined || output === '-' ? {} : { output }),
    failOn: oneOf('fail-on', v['fail-on'], FAIL_ON, 'breaking'),
    failOnIncomplete: v['fail-on-incomplete'] === true,
    redact: v.redact === true,
    ...(upload === undefined ? {} : { upload }),
    quiet: v.quiet === true,
  };
}
