import type { Severity } from '../lib/model/catalog';
import type { ErrorKind } from '../lib/errors';
import type { Report } from '../lib/model/report';
import { completenessOf } from '../lib/report/completeness';

/** The exit codes of `release-lens`, as documented in --help and docs/cli.md. */
export const EXIT = {
  /** No finding at or above --fail-on (or the command did not scan). */
  ok: 0,
  /** Findings at or above --fail-on. */
  findings: 1,
  /** Bad flags or invalid input: an unreadable or invalid snapshot or kubeconfig, an unknown context. */
  usage: 2,
  /** The cluster could not be scanned: unreachable, TLS, timeout, unauthorized or forbidden. */
  scanFailed: 3,
  /** The report was written, but uploading it to the dashboard failed. */
  uploadFailed: 4,
  /**
   * The scan is not a result: it could read no workloads and no nodes (or, with --fail-on-incomplete, something
   * could not be read). The report is written all the same; it says what was missing.
   */
  incomplete: 5,
  /** Interrupted (Ctrl-C), as shells report SIGINT. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The lowest severity that fails the run; `none` never fails on findings. */
export const FAIL_ON = ['breaking', 'action', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Severity, number> = { breaking: 3, action: 2, info: 1 };
const THRESHOLD: Record<FailOn, number> = { breaking: 3, action: 2, info: 1, none: Infinity };

/** The findings at or above the --fail-on threshold. */
export function failingFindings(report: Pick<Report, 'findings'>, failOn: FailOn): Report['findings'] {
  // Findings accepted in the ignore file stay in the report but do not fail the run.
  return report.findings.filter((f) => !f.accepted && RANK[f.severity] >= THRESHOLD[failOn]);
}

/** 1 when some finding is at or above --fail-on, else 0. */
export function exitCodeForFindings(report: Pick<Report, 'findings'>, failOn: FailOn): ExitCode {
  return failingFindings(report, failOn).length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * The exit code of a finished scan: 5 when it is no result (nothing to check was readable) or when it is
 * incomplete and --fail-on-incomplete asks to fail then; otherwise by the findings against --fail-on.
 */
export function exitCodeForScan(report: Report, failOn: FailOn, failOnIncomplete: boolean): ExitCode {
  const { status } = completenessOf(report);
  if (status === 'unusable' || (failOnIncomplete && status === 'incomplete')) return EXIT.incomplete;
  return exitCodeForFindings(report, failOn);
}

/** What a failed scan exits with: bad input is the caller's to fix (2); anything else kept the scan from running (3). */
export function exitCodeForErrorKind(kind: ErrorKind): ExitCode {
  switch (kind) {
    case 'invalid-input':
    case 'too-large':
    case 'not-found':
      return EXIT.usage;
    case 'unreachable':
    case 'tls':
    case 'timeout':
    case 'unauthorized':
    case 'forbidden':
    case 'busy':
    case 'conflict':
    case 'internal':
      return EXIT.scanFailed;
  }
}
