import { SEVERITIES } from '../../lib/model/catalog';
import type { Report } from '../../lib/model/report';
import { failingFindings } from '../exit-codes';
import type { ScanArgs } from './scan-args';

// Resources that were there to read but were not read: each one can hide findings.
const GAPS = new Set(['forbidden', 'unauthorized', 'timeout', 'error', 'not-provided']);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One paragraph for stderr after a scan: what was scanned, findings by severity, what could not be read, and
 * why the exit code is what it is, so a CI log explains itself.
 */
export function scanSummary(report: Report, args: Pick<ScanArgs, 'failOn'>): string {
  const counts = SEVERITIES.map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const lines = [
    `Scanned ${report.cluster.source.label} for Kubernetes ${report.target}: ` +
      `${plural(report.findings.length, 'finding')} (${counts}).`,
  ];
  const gaps = report.coverage.filter((c) => GAPS.has(c.status)).length;
  const blind = report.rules.filter((r) => r.status !== 'ran').length;
  if (gaps > 0 || blind > 0) {
    lines.push(
      `Not fully checked: ${plural(gaps, 'resource')} could not be read, ${plural(blind, 'check')} ran blind or failed ` +
        '(see the coverage section of the report).',
    );
  }
  const failing = failingFindings(report, args.failOn).length;
  if (failing > 0) lines.push(`Exit code 1: ${plural(failing, 'finding')} at or above --fail-on ${args.failOn}.`);
  return lines.join('\n');
}
