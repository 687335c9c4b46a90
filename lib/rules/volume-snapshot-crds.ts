import type { Severity } from '../model/catalog';
import type { CustomResourceDefinition } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import type { Evidence, Finding } from '../model/finding';
import type { Rule } from './support/check';

const CHANGE = 'volume-snapshot-v1beta1-removal';
const RULE_ID = 'volume-snapshot-crds';
const GROUP = 'snapshot.storage.k8s.io';
const CRDS = ['volumesnapshots', 'volumesnapshotcontents', 'volumesnapshotclasses'].map((r) => `${r}.${GROUP}`);

const MIGRATE_STORED =
  'Rewrite every object of this kind through v1 (for example kubectl get <resource> -A -o json | kubectl replace -f -, ' +
  'or kube-storage-version-migrator), then set status.storedVersions to ["v1"] (kubectl patch crd <name> ' +
  '--subresource=status --type=merge -p \'{"status":{"storedVersions":["v1"]}}\').';
const UPGRADE =
  'Upgrade the snapshot CRDs, the snapshot controller and the validation webhook together to external-snapshotter v6 ' +
  'or later (v6 stops serving v1beta1), and the csi-snapshotter sidecars of your CSI drivers to matching releases. ' +
  'Move backup tools and manifests to snapshot.storage.k8s.io/v1 first, and delete objects the v1 validation rejects.';

interface Problem {
  severity: Severity;
  message: string;
  remediation: string;
}

function problemOf(crd: CustomResourceDefinition): Problem | undefined {
  const v1 = crd.versions.find((v) => v.name === 'v1');
  const beta = crd.versions.find((v) => v.name === 'v1beta1');
  const stored = crd.storedVersions.includes('v1beta1');
  if (!v1) {
    return {
      severity: 'breaking',
      message: `CRD ${crd.name} has no v1 version: it comes from an external-snapshotter release older than v4, and current snapshot controllers and csi-snapshotter sidecars only speak v1.`,
      remediation: `${UPGRADE}${stored ? ` Once v1 is installed, migrate the stored objects: ${MIGRATE_STORED}` : ''}`,
    };
  }
  if (beta?.served) {
    const storage = beta.storage ? ' and still stores objects as v1beta1' : '';
    return {
      severity: 'action',
      message: `CRD ${crd.name} still serves snapshot.storage.k8s.io/v1beta1${storage}. Tools that use v1beta1 keep working today and break when the CRDs move to external-snapshotter v6, where v1beta1 is no longer served.`,
      remediation: `${UPGRADE}${stored ? ` Then migrate the stored objects: ${MIGRATE_STORED}` : ''}`,
    };
  }
  if (stored) {
    return {
      severity: 'action',
      message: `CRD ${crd.name} no longer serves v1beta1, but status.storedVersions still lists it: objects written long ago may still be stored as v1beta1, and a later CRD release that drops v1beta1 from spec.versions cannot be applied until they are migrated.`,
      remediation: MIGRATE_STORED,
    };
  }
  return undefined;
}

function evidenceOf(crd: CustomResourceDefinition): Evidence[] {
  const versions = crd.versions.map((v) => `${v.name}(served=${v.served},storage=${v.storage})`).join(' ');
  return [
    { source: 'field', path: 'spec.versions', value: versions || '(none)', detail: 'Versions the CRD defines.' },
    {
      source: 'field',
      path: 'status.storedVersions',
      value: crd.storedVersions.join(', ') || '(none)',
      detail: 'Versions objects may be stored in.',
    },
  ];
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'VolumeSnapshot CRDs still on snapshot.storage.k8s.io/v1beta1',
  changeIds: [CHANGE],
  needs: ['customresourcedefinitions'],
  run(snapshot) {
    const findings: Finding[] = [];
    for (const crd of snapshot.customResourceDefinitions) {
      if (!CRDS.includes(crd.name)) continue;
      const p = problemOf(crd);
      if (!p) continue;
      findings.push(
        makeFinding({
          ruleId: RULE_ID,
          changeId: CHANGE,
          severity: p.severity,
          confidence: 'certain',
          object: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: crd.name },
          message: p.message,
          remediation: p.remediation,
          evidence: evidenceOf(crd),
        }),
      );
    }
    return sortFindings(findings);
  },
};
