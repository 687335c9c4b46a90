import type { Catalog } from '../../catalog/load';
import type { Change } from '../../catalog/schema';
import type { Severity } from '../../model/catalog';
import type { Finding } from '../../model/finding';
import type { ObjectRef } from '../../model/snapshot';
import { PROJECT_URL } from '../links';
import type { Report } from '../../model/report';
import { actionLines, changesById, groupByChange, objectPath, primaryLink, sortFindings } from './shared';
import { renderText } from '../../model/text';
import { renderEvidence } from '../render';
import { completenessOf } from '../completeness';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { breaking: 'error', action: 'warning', info: 'note' };

/** A pseudo file location, `k8s://<namespace>/<kind>/<name>` (empty namespace for cluster-scoped objects). */
export function objectUri(ref: ObjectRef): string {
  const part = (s: string) => encodeURIComponent(s);
  return `k8s://${part(ref.namespace ?? '')}/${part(ref.kind)}/${part(ref.name)}`;
}

function sarifRule(changeId: string, change: Change | undefined, severity: Severity) {
  const advice = actionLines(change);
  const helpUri = primaryLink(change);
  return {
    id: changeId,
    name: changeId,
    shortDescription: { text: change?.title ?? changeId },
    ...(change ? { fullDescription: { text: change.summary } } : {}),
    help: {
      text: advice.join('\n\n') || 'See the change in the Release Lens catalog.',
      markdown: advice.map((l) => `- ${l}`).join('\n') || 'See the change in the Release Lens catalog.',
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: [
        'kubernetes',
        'upgrade',
        ...(change ? [`k8s-${change.release}`, change.kind, change.sig, ...change.tags] : []),
      ],
      ...(change?.kep === undefined ? {} : { kep: change.kep }),
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number) {
  const fqn = objectPath(f.object);
  const at = f.location ?? f.source?.location;
  return {
    ruleId: f.changeId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.object.kind} ${fqn}: ${renderText(f.message)} ${renderText(f.remediation)}` },
    partialFingerprints: { 'releaseLensFinding/v1': f.id },
    // Accepted in the ignore file: code-scanning tools show it as suppressed, with the reason.
    ...(f.accepted
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${f.accepted.reason}${f.accepted.expires ? ` (until ${f.accepted.expires})` : ''}`,
              location: {
                physicalLocation: {
                  artifactLocation: { uri: f.accepted.entry.path, uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.accepted.entry.line },
                },
              },
            },
          ],
        }
      : {}),
    locations: [
      {
        // A finding from a repository's files, or a cluster finding joined with its source, points code-scanning
        // tools at the exact line.
        physicalLocation: at
          ? {
              artifactLocation: { uri: at.path, uriBaseId: '%SRCROOT%' },
              region: { startLine: at.line, startColumn: at.column },
            }
          : { artifactLocation: { uri: objectUri(f.object) } },
        logicalLocations: [{ name: f.object.name, fullyQualifiedName: fqn, kind: 'resource' }],
      },
    ],
    properties: {
      check: f.ruleId,
      confidence: f.confidence,
      apiVersion: f.object.apiVersion,
      ...(f.owner ? { owner: objectPath(f.owner) } : {}),
      ...(f.helmRelease ? { helmRelease: `${f.helmRelease.namespace}/${f.helmRelease.name}` } : {}),
      remediation: renderText(f.remediation),
      evidence: f.evidence.map(renderEvidence),
    },
  };
}

/** Coverage gaps as tool notifications, so a code-scanning upload still says what could not be read. */
function notifications(report: Report) {
  const unread = report.coverage
    .filter((c) => c.status !== 'ok')
    .map((c) => ({
      level: 'warning',
      message: { text: `${c.resource}: ${c.status}${c.message ? `: ${renderText(c.message)}` : ''}` },
    }));
  const notChecked = report.changes
    .filter((c) => c.status === 'not-checked')
    .map((c) => ({
      level: 'note',
      message: {
        text: `${c.changeId} not checked: ${c.reason === undefined ? 'no reason recorded' : renderText(c.reason)}`,
      },
    }));
  return [...unread, ...notChecked];
}

/** The report as SARIF 2.1.0: one run, one rule per affected catalog change, one result per finding. */
export function exportSarif(report: Report, catalog: Catalog): string {
  const changes = changesById(catalog);
  const groups = groupByChange(report.findings);
  const ruleIndex = new Map(groups.map((g, i) => [g.key, i]));
  const completeness = completenessOf(report);
  const run = {
    tool: {
      driver: {
        name: 'Release Lens',
        version: report.tool.version,
        informationUri: PROJECT_URL,
        rules: groups.map((g) => sarifRule(g.key, changes.get(g.key), g.worstSeverity)),
      },
    },
    invocations: [
      {
        executionSuccessful: completeness.status !== 'unusable',
        endTimeUtc: report.generatedAt,
        toolExecutionNotifications: [
          { level: completeness.status === 'complete' ? 'note' : 'warning', message: { text: completeness.headline } },
          ...notifications(report),
        ],
      },
    ],
    results: sortFindings(report.findings).map((f) => sarifResult(f, ruleIndex.get(f.changeId) ?? 0)),
    properties: {
      target: report.target,
      completeness: completeness.status,
      catalogVersion: report.catalogVersion,
      cluster: report.cluster.source.label,
      serverVersion: report.cluster.serverVersion ?? null,
      redacted: report.redaction !== undefined,
      // The add-on inventory: each add-on found, its version and its standing at every release step.
      addons: report.addons ?? [],
    },
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
