import type { Catalog } from '../../lib/catalog/load';
import { loadCatalog } from '../../lib/catalog/compiled';
import { env, readBudgets } from '../../lib/env';
import { createHelmDecodePool } from '../../lib/workers/helm-decode-pool';
import { exportReport } from '../../lib/report/export';
import { newRedactionSalt, redactReport } from '../../lib/report/redact';
import type { Report } from '../../lib/model/report';
import { readSnapshot, runScan, type ScanOptions } from '../../lib/scan/run-scan';
import { joinRepository } from '../../lib/report/join';
import type { ScanSource } from '../../lib/scan/sources';
import { TOOL_VERSION } from '../../lib/version';
import { exitCodeForScan, type ExitCode } from '../exit-codes';
import type { CliIo } from '../io';
import { writeReport } from '../output';
import { compiledCatalogFile, dataDir, workerFile } from '../paths';
import { createProgress } from '../progress';
import { openSnapshotFiles } from '../snapshot-files';
import { repositorySource } from '../repository-source';
import { uploadReport } from '../upload';
import { loadIgnoreFile } from '../acceptances';
import { applyAcceptances } from '../../lib/report/acceptances';
import type { ScanArgs, ScanInput } from './scan-args';
import { scanSummary } from './scan-summary';
import { findingsTable } from '../table';

async function scanSource(input: ScanInput, io: CliIo, maxBytes: number): Promise<ScanSource> {
  switch (input.kind) {
    case 'files':
      return repositorySource(input, io);
    case 'snapshot':
      return { kind: 'snapshot', files: await openSnapshotFiles(input.files, io, maxBytes) };
    case 'kubeconfig':
      return { kind: 'kubeconfig', ...(input.context === undefined ? {} : { context: input.context }) };
    case 'demo':
    case 'in-cluster':
      return { kind: input.kind };
  }
}

async function scan(args: ScanArgs, io: CliIo, catalog: Catalog): Promise<Report> {
  const settings = env();
  const data = dataDir();
  const maxBytes = settings.RELEASE_LENS_MAX_SNAPSHOT_BYTES;
  const source = await scanSource(args.input, io, maxBytes);
  const progress = createProgress(io.stderr, !args.quiet);
  const budgets = readBudgets(settings);
  const threads = settings.RELEASE_LENS_DECODE_THREADS;
  // Helm release records exist only in a cluster or its snapshot; a repository or the demo needs no decoder threads.
  const pool =
    args.input.kind === 'files' || args.input.kind === 'demo'
      ? undefined
      : createHelmDecodePool({ workerFile: workerFile('helm-decode'), ...(threads ? { threads } : {}) });
  try {
    const options: ScanOptions = {
      target: args.target,
      catalog,
      dataDir: data,
      onProgress: (p) => progress.update(p),
      maxSnapshotBytes: maxBytes,
      budgets,
      ...(args.namespaces ? { namespaces: args.namespaces } : {}),
      ...(pool ? { helmDecoder: pool.decoder(budgets) } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      connect: {
        // The CLI runs as its user, like kubectl: the server-side switch for offering the local kubeconfig is moot.
        env: { ...settings, RELEASE_LENS_LOCAL_KUBECONFIG: true },
        userAgent: `release-lens-cli/${TOOL_VERSION}`,
        ...(args.input.kind === 'kubeconfig' && args.input.file ? { kubeconfigPath: args.input.file } : {}),
      },
    };
    const report = await runScan(source, options);
    if (!args.repository) return report;
    // Beside a cluster source, the repository is read too, and each finding is joined with its source.
    const repositoryInput = await repositorySource(args.repository, io);
    const repository = await readSnapshot(repositoryInput, { ...options, onProgress: () => undefined });
    return joinRepository(
      report,
      { manifests: repository.manifests ?? [], charts: repository.charts ?? [] },
      { removedApis: catalog.removedApis, label: repositoryInput.label },
    );
  } finally {
    await progress.done();
    await pool?.close();
  }
}

/** One scan as the report it writes: read, checked, the ignore file applied, redacted when asked. */
export async function scanReport(
  args: ScanArgs,
  io: CliIo,
  catalog: Catalog,
  accepted: Awaited<ReturnType<typeof loadIgnoreFile>>,
  salt?: ReturnType<typeof newRedactionSalt>,
): Promise<Report> {
  const scanned = applyAcceptances(await scan(args, io, catalog), accepted, new Date().toISOString().slice(0, 10));
  return args.redact ? redactReport(scanned, { salt: salt ?? newRedactionSalt() }) : scanned;
}

/**
 * `release-lens scan`: scan, write the report in the chosen format, optionally upload it, and exit by the worst
 * finding against --fail-on. An upload failure (exit 4) comes after the report is written.
 */
export async function runScanCommand(args: ScanArgs, io: CliIo): Promise<ExitCode> {
  if (args.fleet) return (await import('./fleet')).runFleetCommand(args, args.fleet, io);
  const catalog = loadCatalog(dataDir(), compiledCatalogFile());
  const accepted = await loadIgnoreFile(args.ignoreFile, io.cwd ?? process.cwd());
  const report = await scanReport(args, io, catalog, accepted);
  const format = args.format ?? (args.output === undefined && io.stdout.isTTY ? 'table' : 'md');
  const text =
    format === 'table' ? findingsTable(report, catalog, io.stdout.columns) : exportReport(format, report, catalog);
  await writeReport(io, text, args.output);
  if (!args.quiet) await io.stderr.write(`${scanSummary(report, args)}\n`);
  const code = exitCodeForScan(report, args.failOn, args.failOnIncomplete);
  if (args.upload === undefined) return code;
  const uploadToken = env().RELEASE_LENS_UPLOAD_TOKEN;
  const { link, manageToken } = await uploadReport(args.upload, report, {
    redact: args.redact,
    ...(uploadToken ? { token: uploadToken } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  await io.stderr.write(`Saved on the dashboard: ${link}\n`);
  if (manageToken !== undefined) {
    await io.stderr.write(
      `To delete it later: curl -X DELETE -H 'Authorization: Bearer ${manageToken}' ${link.replace('/reports/', '/api/reports/')}\n`,
    );
  }
  // With the report in a file, stdout is free for the one thing a script wants next: the link.
  if (args.output !== undefined) await io.stdout.write(`${link}\n`);
  return code;
}
