import type { Report } from '../../lib/model/report';
import { renderText } from '../../lib/model/text';
import { findingText } from '../../lib/report/render';
import type { Evidence, ExpectedFinding, ObjectKey } from '../cluster-harness/scenarios/types';

type Finding = Report['findings'][number];

const pathOf = (e: Finding['evidence'][number]) => renderText(e.path ?? []);

/** Whether a finding's evidence comes from where the scenario says it does. */
function hasEvidence(f: Finding, evidence: Evidence): boolean {
  return f.evidence.some((e) => {
    switch (evidence) {
      case 'last-applied':
      case 'managed-fields':
        return e.source === evidence;
      case 'helm-secret':
        return e.source === 'helm-release' && /^Secret /.test(pathOf(e)) && !/ hook /.test(pathOf(e));
      case 'helm-configmap':
        return e.source === 'helm-release' && /^ConfigMap /.test(pathOf(e));
      case 'helm-hook':
        return e.source === 'helm-release' && / hook /.test(pathOf(e));
    }
  });
}

/**
 * A detail such as `{ mutatingFields: 'defaultAddCapabilities,runAsUser.MustRunAs' }` holds when every word of every
 * listed item appears in what the finding tells a person (message, remediation, evidence).
 */
function hasDetail(f: Finding, detail: Record<string, string>): boolean {
  const said = findingText(f).toLowerCase();
  return Object.values(detail).every((value) =>
    value
      .split(',')
      .flatMap((item) => item.split(/[.\s]+/))
      .filter(Boolean)
      .every((word) => said.includes(word.toLowerCase())),
  );
}

/** Same kind, namespace and name. */
export function sameObject(
  ref: { kind: string; namespace?: string | undefined; name: string },
  key: ObjectKey,
): boolean {
  return ref.kind === key.kind && (ref.namespace ?? '') === (key.namespace ?? '') && ref.name === key.name;
}

/** Whether a reported finding is the one a scenario expects, with every optional property it names. */
export function matchesExpectation(f: Finding, e: ExpectedFinding): boolean {
  return (
    sameObject(f.object, e) &&
    f.changeId === e.changeId &&
    f.severity === e.severity &&
    (e.confidence === undefined || f.confidence === e.confidence) &&
    (e.evidence === undefined || hasEvidence(f, e.evidence)) &&
    (e.helmRelease === undefined || f.helmRelease?.name === e.helmRelease) &&
    (e.detail === undefined || hasDetail(f, e.detail))
  );
}

/** One line per finding for failure messages. */
export function describeFinding(f: Finding): string {
  const sources = f.evidence.map((e) => `${e.source}${e.path ? ` ${renderText(e.path)}` : ''}`).join('; ');
  const helm = f.helmRelease ? ` helm=${f.helmRelease.name}` : '';
  return `${f.changeId} ${f.severity}/${f.confidence}${helm} [${sources}]`;
}
