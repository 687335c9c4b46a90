import { SEVERITIES } from '../../lib/model/catalog';
import type { Report } from '../../lib/model/report';
import { completenessOf } from '../../lib/report/completeness';
import { failingFindings } from '../exit-codes';
import type { ScanArgs } from './scan-args';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One paragraph for stderr after a scan: what was scanned, findings by severity, what could not be read, and
 * why the exit code is what it is, so a CI log explains itself.
 */
export function scanSummary(report: Report, args: Pick<ScanArgs, 'failOn' | 'failOnIncomplete'>): string {
  const completeness = completenessOf(report);
  const counts = SEVERITIES.map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const lines = [
    completeness.headline,
    `Scanned ${report.cluster.source.label} for Kubernetes ${report.target}: ` +
      `${plural(report.findings.length, 'finding')} (${counts}).`,
  ];
  if (completeness.unreadable.length > 0) lines.push(`Could not read: ${completeness.unreadable.join(', ')}.`);
  if (completeness.blindChecks.length > 0) lines.push(`Blind checks: ${completeness.blindChecks.join(', ')}.`);
  if (completeness.notCheckable.length > 0) {
    lines.push(`Not checkable from files (need a live cluster): ${completeness.notCheckable.join(', ')}.`);
  }
  const incompleteFails =
    completeness.status === 'unusable' || (args.failOnIncomplete && completeness.status === 'incomplete');
  const failing = failingFindings(report, args.failOn).length;
  if (incompleteFails)
    lines.push(`Exit code 5: the scan is ${completeness.status === 'unusable' ? 'no result' : 'incomplete'}.`);
  else if (failing > 0) lines.push(`Exit code 1: ${plural(failing, 'finding')} at or above --fail-on ${args.failOn}.`);
  return lines.join('\n');
}
