import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../lib/catalog/load';
import { loadCatalog } from '../../lib/catalog/compiled';
import { env } from '../../lib/env';
import { listContexts } from '../../lib/sources/kubeconfig/contexts';
import { loadLocalKubeconfig } from '../../lib/sources/cluster/config/local';
import { exportReport } from '../../lib/report/export';
import { newRedactionSalt } from '../../lib/report/redact';
import { readinessOf } from '../../lib/report/readiness';
import { changeSummaries } from '../../lib/report/change-summaries';
import { severityCounts } from '../../lib/report/group';
import type { Report } from '../../lib/model/report';
import { runPool } from '../../lib/sources/cluster/collect/pool';
import { loadIgnoreFile } from '../acceptances';
import { describeFailure } from '../errors';
import { exitCodeForScan, type ExitCode } from '../exit-codes';
import { fleetJson, fleetMarkdown, fleetTable, worstExit, type FleetRow } from '../fleet-summary';
import type { CliIo } from '../io';
import { writeFileAtomic, writeReport } from '../output';
import { compiledCatalogFile, dataDir } from '../paths';
import type { FleetArgs, ScanArgs } from './scan-args';
import { scanReport } from './scan';

const EXTENSION = { md: 'md', json: 'json', csv: 'csv', sarif: 'sarif', 'pr-comment': 'md' } as const;

/** A context name as a file name: letters, digits, dot, dash and underscore; the rest become '_'. */
export function fileNameOf(context: string): string {
  const safe = context.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe.slice(0, 120) || 'context';
}

/** The contexts to scan: those named, or every context of the kubeconfig. */
function contextsToScan(args: ScanArgs, fleet: FleetArgs): string[] {
  if (fleet.contexts !== 'all') return fleet.contexts;
  const file = args.input.kind === 'kubeconfig' ? args.input.file : undefined;
  const kubeconfig = loadLocalKubeconfig({ ...env(), RELEASE_LENS_LOCAL_KUBECONFIG: true }, file);
  return listContexts(kubeconfig).map((c) => c.name);
}

function rowOf(context: string, report: Report, catalog: Catalog, exit: ExitCode, file: string, seconds: number) {
  const readiness = readinessOf(report, changeSummaries(report, catalog));
  const row: FleetRow = {
    context,
    ...(report.cluster.source.server ? { server: report.cluster.source.server } : {}),
    ...(report.cluster.uid ? { uid: report.cluster.uid } : {}),
    ...(report.cluster.serverVersion ? { version: report.cluster.serverVersion } : {}),
    verdict: readiness.verdict,
    blockers: readiness.phases.blocker.findings,
    before: readiness.phases.before.findings,
    after: readiness.phases.after.findings,
    notChecked: readiness.notChecked.checks + readiness.notChecked.resources,
    counts: severityCounts(report.findings),
    exit,
    file,
    seconds,
  };
  return row;
}

/**
 * `release-lens scan --context a,b,c` or `--all-contexts`: every cluster scanned, `--parallel` at a time, each report
 * written to `--output-dir`, and a fleet summary (a table on a terminal, Markdown when piped; fleet.md and fleet.json
 * beside the reports). A cluster that cannot be scanned is a row that says why, never the end of the run. The exit
 * code is the worst cluster's.
 */
export async function runFleetCommand(args: ScanArgs, fleet: FleetArgs, io: CliIo): Promise<ExitCode> {
  const catalog = loadCatalog(dataDir(), compiledCatalogFile());
  const cwd = io.cwd ?? process.cwd();
  const accepted = await loadIgnoreFile(args.ignoreFile, cwd);
  const contexts = contextsToScan(args, fleet);
  const dir = path.resolve(cwd, fleet.outputDir);
  await mkdir(dir, { recursive: true });
  const format = args.format === undefined || args.format === 'table' ? 'md' : args.format;
  // One salt for the run: redacted reports of one run stay comparable with each other.
  const salt = args.redact ? newRedactionSalt() : undefined;
  const rows: FleetRow[] = [];
  await runPool(contexts, fleet.parallel, async (context) => {
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    const input = args.input.kind === 'kubeconfig' ? { ...args.input, context } : args.input;
    try {
      const report = await scanReport({ ...args, input, quiet: true }, io, catalog, accepted, salt);
      const file = path.join(dir, `${fileNameOf(context)}.${EXTENSION[format]}`);
      await writeFileAtomic(file, exportReport(format, report, catalog));
      const exit = exitCodeForScan(report, args.failOn, args.failOnIncomplete);
      rows.push(rowOf(context, report, catalog, exit, path.relative(cwd, file), seconds()));
    } catch (error) {
      if (io.signal?.aborted) throw error;
      const { message, code } = describeFailure(error);
      rows.push({
        context,
        verdict: 'failed',
        blockers: 0,
        before: 0,
        after: 0,
        notChecked: 0,
        counts: { breaking: 0, action: 0, info: 0 },
        exit: code,
        error: message,
        seconds: seconds(),
      });
    }
    if (!args.quiet) {
      const row = rows.at(-1);
      await io.stderr.write(`${context}: ${row?.error ?? row?.verdict ?? ''} (${row?.seconds ?? 0} s)\n`);
    }
  });
  await writeFileAtomic(path.join(dir, 'fleet.md'), fleetMarkdown(rows, args.target));
  await writeFileAtomic(path.join(dir, 'fleet.json'), fleetJson(rows, args.target));
  const summary = io.stdout.isTTY ? `${fleetTable(rows, args.target)}\n` : fleetMarkdown(rows, args.target);
  await writeReport(io, summary, undefined);
  return worstExit(rows);
}
